namespace SweLancer.Messages.Tasks;

/// <summary>
/// What grading an IC SWE task needs. Everything is carried inline (patch texts, hidden test files) because the grader
/// node that receives the GradeTask may be another process without the task pool's folder.
/// </summary>
/// <param name="AcceptableFolders">Folders (relative to the container root) a model's patch may touch.</param>
/// <param name="Cwd">Working directory of the app inside its container.</param>
/// <param name="Image">Docker image holding the clean app.</param>
/// <param name="BugPatch">Unified diff (a/ b/ prefixes, relative to the container root) that turns the clean app into the task's starting state.</param>
/// <param name="GoldPatch">The reference fix against the buggy state; never used for grading.</param>
/// <param name="Runner">One of <see cref="IcRunnerKinds"/>.</param>
/// <param name="ServePort">The app's port inside the container (browser runner).</param>
/// <param name="TimeoutSeconds">Wall-clock limit for one attempt's test run.</param>
/// <param name="BrowserTests">End-to-end checks for the browser runner.</param>
/// <param name="TestCommand">argv run in the container for the command runner: exit 0 passes, 1 fails, anything else is ours.</param>
/// <param name="HiddenTests">Files copied into the container under /hidden-tests only at test time.</param>
public sealed record IcTaskSpec(
    IReadOnlyList<string> AcceptableFolders,
    string? Cwd,
    string? Image = null,
    string? BugPatch = null,
    string? GoldPatch = null,
    string Runner = IcRunnerKinds.Command,
    int? ServePort = null,
    int TimeoutSeconds = IcTaskSpec.DefaultTimeoutSeconds,
    IReadOnlyList<BrowserTest>? BrowserTests = null,
    IReadOnlyList<string>? TestCommand = null,
    IReadOnlyList<HiddenTestFile>? HiddenTests = null)
{
    public const int DefaultTimeoutSeconds = 120;

    /// <summary>Where hidden tests appear inside the container.</summary>
    public const string HiddenTestsMount = "/hidden-tests";
}
