namespace SweLancer.GraderNode.Grading;

/// <summary>Which sweep and attempt is being graded: labels containers and names artefact folders.</summary>
public sealed record AttemptContext(string SweepId, int Attempt)
{
    public static AttemptContext Unknown { get; } = new("unknown", 1);
}
