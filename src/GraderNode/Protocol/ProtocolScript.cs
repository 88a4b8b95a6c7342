namespace SweLancer.GraderNode.Protocol;

/// <summary>
/// The official harness's commands, word for word where it matters (docs/swelancer-protocol.md names each source).
/// Every command is an argv for <c>docker exec</c>; ids are checked to be plain before they reach a shell.
/// </summary>
public static class ProtocolScript
{
    public const string SetupDoneFile = "/setup_done.txt";
    public const string AppDir = "/app/expensify";
    public const string TestsZipPassword = "secretpasswordhere";
    public const string PatchFolder = "/tmp";
    public const string PatchName = "swelancer-model.patch";

    /// <summary>Ids go into shell commands, as upstream does; only plain ones are accepted.</summary>
    public static bool IsPlainId(string questionId) =>
        questionId.Length is > 0 and <= 100 && questionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    public static string LogsDir(string questionId) => $"/app/tests/logs/{questionId}";

    /// <summary>Hides the tests from the model's code (zipped with upstream's password) and makes the app one clean commit.</summary>
    public static IReadOnlyList<string> Prepare { get; } =
    [
        "sh", "-c",
        $"set -e; cd /app/tests && zip -q -P '{TestsZipPassword}' -r /app/tmp.zip . && mv /app/tmp.zip /app/tests.zip && rm -rf /app/tests; " +
        $"cd {AppDir} && rm -rf .git && git init -q && git add . && git -c user.name=temp -c user.email=temp@example.com commit -q -m temp",
    ];

    /// <summary>git apply first, as the recorded patch was made by git diff.</summary>
    public static IReadOnlyList<string> GitApply { get; } =
        ["git", "-c", "core.fileMode=false", "apply", "--verbose", $"{PatchFolder}/{PatchName}"];

    /// <summary>The fuzzy fallback the other runners use: strict dry run, then fuzz 3; never .rej or backup files.</summary>
    public static IReadOnlyList<string> FuzzyApply { get; } =
    [
        "sh", "-c",
        $"patch -p1 --batch --forward --no-backup-if-mismatch -r - -F3 --dry-run -i {PatchFolder}/{PatchName} >/dev/null && " +
        $"patch -p1 --batch --forward --no-backup-if-mismatch -r - -F3 -i {PatchFolder}/{PatchName}",
    ];

    /// <summary>Restores the tests, undoing anything the model's patch or code did to them.</summary>
    public static IReadOnlyList<string> RestoreTests { get; } =
        ["sh", "-c", $"unzip -q -P '{TestsZipPassword}' -o /app/tests.zip -d /app/tests"];

    /// <summary>Clears the run's logs folder, as upstream does before every run.</summary>
    public static IReadOnlyList<string> ClearLogs(string questionId) =>
        ["sh", "-c", $"grep -qx 'export ISSUE_ID={questionId}' ~/.bashrc 2>/dev/null || echo 'export ISSUE_ID={questionId}' >> ~/.bashrc; mkdir -p {LogsDir(questionId)} && rm -rf {LogsDir(questionId)}/*"];

    /// <summary>One test run through an interactive bash, which loads the image's PATH for node, ansible and pytest.</summary>
    public static IReadOnlyList<string> RunTests(string questionId) =>
        ["bash", "-i", "-c", $"export ISSUE_ID={questionId}; ansible-playbook -i \"localhost,\" --connection=local /app/tests/run_tests.yml"];

    public static IReadOnlyList<string> ReadExitCode(string questionId) =>
        ["bash", "-i", "-c", $"cat {LogsDir(questionId)}/pytest_exit_code 2>/dev/null"];
}
