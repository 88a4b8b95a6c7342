namespace SweLancer.GraderNode.Ic;

/// <summary>What the harness saw of the container right after a test command ended (read from the engine, not from the test).</summary>
public enum ContainerAfterRun
{
    /// <summary>Still running: whatever the test command's exit, it is the test's (and so the model's) own.</summary>
    Running,

    /// <summary>Stopped, and the engine says the kernel killed it for memory: the code under test ran out of memory.</summary>
    OutOfMemory,

    /// <summary>Stopped for another reason: killed from outside, or the engine restarted.</summary>
    Stopped,

    /// <summary>The engine no longer knows the container: removed from outside.</summary>
    Gone,
}
