namespace SweLancer.GraderNode.Grading;

/// <summary>Which sweep and attempt is being graded: labels containers and names artefact folders. Each context has its
/// own <see cref="Meter"/>, where the runners record the runs and time this delivery of the attempt took.</summary>
public sealed record AttemptContext(string SweepId, int Attempt)
{
    public AttemptMeter Meter { get; } = new();

    /// <summary>A new one each time: a shared context would add up unrelated attempts' runs.</summary>
    public static AttemptContext Unknown => new("unknown", 1);
}
