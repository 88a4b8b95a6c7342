using Akka.Cluster.Sharding;
using SweLancer.Messages.Commands;
using SweLancer.Messages.Sharding;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.Tests.Messages.Sharding;

/// <summary>Where a grading entity lands: by attempt (the default, unchanged) or by the task's image.</summary>
public sealed class ShardKeyingSpec
{
    private static GradeTask Grade(string question, int attempt, string? image) =>
        new("s1", new TaskDefinition(question, TaskVariants.IcSwe, 100m, null, null, new IcTaskSpec([], null, image)), attempt, null, 1);

    private static string Shard(IMessageExtractor extractor, GradeTask task) => extractor.ShardId(extractor.EntityId(task)!, task);

    [Fact]
    public void By_attempt_the_shards_are_the_plain_hash_of_the_entity_id()
    {
        var extractor = new GradeTaskMessageExtractor(100);
        var plain = new PlainExtractor(100);
        foreach (var task in Enumerable.Range(0, 50).Select(i => Grade($"q{i}", 1 + i % 3, "img")))
            Assert.Equal(plain.ShardId(task.EntityId, task), Shard(extractor, task));
    }

    [Fact]
    public void By_image_every_attempt_of_an_image_shares_one_shard()
    {
        var extractor = new GradeTaskMessageExtractor(100, ShardKeying.Image);
        var shards = Enumerable.Range(0, 40).Select(i => Shard(extractor, Grade($"q{i}", 1 + i % 4, "swelancer/x:1"))).Distinct();
        Assert.Single(shards);
        // ... while by attempt the same 40 spread out.
        var byAttempt = new GradeTaskMessageExtractor(100);
        Assert.True(Enumerable.Range(0, 40).Select(i => Shard(byAttempt, Grade($"q{i}", 1 + i % 4, "swelancer/x:1"))).Distinct().Count() > 10);
    }

    [Fact]
    public void By_image_a_task_without_an_image_falls_back_to_its_attempt()
    {
        var task = Grade("q1", 2, null);
        Assert.Equal(Shard(new GradeTaskMessageExtractor(100), task), Shard(new GradeTaskMessageExtractor(100, ShardKeying.Image), task));
        Assert.Equal(task.EntityId, ShardKeys.KeyOf(task, ShardKeying.Image));
    }

    [Fact]
    public void Different_images_spread_over_shards()
    {
        var extractor = new GradeTaskMessageExtractor(100, ShardKeying.Image);
        Assert.True(Enumerable.Range(0, 200).Select(i => Shard(extractor, Grade("q", 1, $"img-{i}"))).Distinct().Count() > 60);
    }

    [Theory]
    [InlineData(null, ShardKeying.Attempt)]
    [InlineData("", ShardKeying.Attempt)]
    [InlineData("attempt", ShardKeying.Attempt)]
    [InlineData(" Image ", ShardKeying.Image)]
    public void The_setting_reads_attempt_or_image(string? text, ShardKeying expected) => Assert.Equal(expected, ShardKeys.Parse(text));

    [Fact]
    public void A_misspelt_setting_is_refused() => Assert.Throws<ArgumentException>(() => ShardKeys.Parse("images"));

    private sealed class PlainExtractor(int shards) : HashCodeMessageExtractor(shards)
    {
        public override string? EntityId(object message) => (message as GradeTask)?.EntityId;
    }
}
