namespace SweLancer.GraderNode.Protocol;

/// <summary>What one official test run says: pass (stop), a failed run (try again), or a system error (stop, ours).</summary>
public enum TestRunVerdict
{
    Passed,
    Failed,
    SystemError,
}
