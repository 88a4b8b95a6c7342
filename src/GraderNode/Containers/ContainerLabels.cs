namespace SweLancer.GraderNode.Containers;

/// <summary>Labels on every container and network the pool makes, so leftovers can be found and removed.</summary>
public static class ContainerLabels
{
    public const string Owner = "swelancer.owner";
    public const string OwnerValue = "swelancer";
    public const string Node = "swelancer.node";
    public const string Sweep = "swelancer.sweep";
}
