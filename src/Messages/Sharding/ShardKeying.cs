using SweLancer.Messages.Commands;

namespace SweLancer.Messages.Sharding;

/// <summary>
/// What decides a grading entity's shard, and so its node: every process of a cluster must use the same
/// (<c>SWELANCER_SHARD_KEY</c>, read once at start-up; a mismatch costs an extra hop per message, not a loss).
/// <list type="bullet">
/// <item><see cref="Attempt"/> (default): the entity id (sweep, task, attempt), so attempts spread evenly over shards.</item>
/// <item><see cref="Image"/>: the task's container image when it names one, so every attempt of an image goes to the
/// one node that already pulled it. Experimental: with few images, few nodes get all the work (one image, one node).</item>
/// </list>
/// </summary>
public enum ShardKeying
{
    Attempt,
    Image,
}

/// <summary>The key a <see cref="GradeTask"/> is hashed by under each <see cref="ShardKeying"/>, and the setting's parsing.</summary>
public static class ShardKeys
{
    public const string Variable = "SWELANCER_SHARD_KEY";

    public static string KeyOf(GradeTask task, ShardKeying keying) =>
        keying == ShardKeying.Image && task.Task.Ic?.Image is { Length: > 0 } image ? "image:" + image : task.EntityId;

    /// <summary>"attempt" (or unset) and "image"; anything else is refused, so a typo cannot split the cluster's placement.</summary>
    public static ShardKeying Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "attempt" => ShardKeying.Attempt,
        "image" => ShardKeying.Image,
        _ => throw new ArgumentException($"{Variable}='{text}': use 'attempt' (the default) or 'image'."),
    };

    public static ShardKeying FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));
}
