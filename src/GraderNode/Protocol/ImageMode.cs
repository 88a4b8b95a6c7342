namespace SweLancer.GraderNode.Protocol;

/// <summary>Which official SWE-Lancer images a node grades IC tasks in.</summary>
public enum ImageMode
{
    /// <summary>One image per task, setup baked in: <c>swelancer/swelancer_x86_&lt;question_id&gt;:releasev1</c>.</summary>
    PerTask,

    /// <summary>One image for all tasks, setup at start from <c>ISSUE_ID</c> with <c>RUNTIME_SETUP=true</c>.</summary>
    Monolith,
}
