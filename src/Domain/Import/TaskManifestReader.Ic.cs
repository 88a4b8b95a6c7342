using System.Text.Json;
using SweLancer.Messages.Tasks;

namespace SweLancer.Domain.Import;

/// <summary>The <c>ic</c> block: container, patches and hidden tests. Files it names are loaded here, so the task
/// travels to a grader node with everything it needs.</summary>
public static partial class TaskManifestReader
{
    private const int MaxTimeoutSeconds = 3600;

    private static IcTaskSpec? ReadIc(JsonElement ic, JsonPath at, Checker check)
    {
        if (ic.ValueKind != JsonValueKind.Object)
        {
            check.Problem(at, $"must be an object, not {JsonValues.KindOf(ic)}");
            return null;
        }
        // Unknown properties stay tolerated: later versions extend this block.
        var before = check.Problems.Count;
        var folders = check.OptionalStringArray(ic, "acceptable_folders", at) ?? [];
        var cwd = check.OptionalString(ic, "cwd", at);
        var image = check.OptionalString(ic, "image", at);
        var bugPatch = ReadTextFile(ic, "bug_patch", at, check);
        var goldPatch = ReadTextFile(ic, "gold_patch", at, check);
        var testCommand = check.OptionalStringArray(ic, "test_command", at);
        var browserTests = ReadBrowserTests(ic, at.Property("browser_tests"), check);
        var hiddenTests = ReadHiddenTests(ic, at, check);

        var runner = check.OptionalString(ic, "runner", at);
        if (runner is not null && !IcRunnerKinds.IsKnown(runner))
            check.Problem(at.Property("runner"), $"unknown runner '{runner}', expected {IcRunnerKinds.Browser} or {IcRunnerKinds.Command}");
        runner ??= browserTests is { Count: > 0 } ? IcRunnerKinds.Browser : IcRunnerKinds.Command;

        var servePort = check.OptionalInt(ic, "serve_port", at, 1, 65535);
        var timeout = check.OptionalInt(ic, "timeout_seconds", at, 1, MaxTimeoutSeconds) ?? IcTaskSpec.DefaultTimeoutSeconds;

        if (runner == IcRunnerKinds.Browser)
        {
            if (servePort is null && !ic.TryGetProperty("serve_port", out _))
                check.Problem(at.Property("serve_port"), "missing; the browser runner needs the app's port inside the container");
            if (browserTests is null or { Count: 0 } && !ic.TryGetProperty("browser_tests", out _))
                check.Problem(at.Property("browser_tests"), "missing; the browser runner needs at least one browser test");
            else if (browserTests is { Count: 0 })
                check.Problem(at.Property("browser_tests"), "must hold at least one browser test");
        }
        else if (ic.TryGetProperty("runner", out _) && testCommand is null or { Count: 0 } && !ic.TryGetProperty("test_command", out _))
            check.Problem(at.Property("test_command"), "missing; the command runner needs the command that runs the hidden tests");
        else if (testCommand is { Count: 0 })
            check.Problem(at.Property("test_command"), "must not be empty");

        if (check.Problems.Count > before)
            return null;
        return new IcTaskSpec(folders, string.IsNullOrWhiteSpace(cwd) ? null : cwd, image, bugPatch, goldPatch, runner, servePort, timeout,
            browserTests, testCommand, hiddenTests);
    }

    private static string? ReadTextFile(JsonElement ic, string name, JsonPath at, Checker check)
    {
        var relative = check.OptionalString(ic, name, at);
        if (relative is null)
            return null;
        var full = Path.GetFullPath(Path.Combine(check.BaseFolder, relative));
        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            check.Problem(at.Property(name), $"cannot read {full}: {ex.Message}");
            return null;
        }
    }

    private static IReadOnlyList<HiddenTestFile>? ReadHiddenTests(JsonElement ic, JsonPath icAt, Checker check)
    {
        var relative = check.OptionalString(ic, "hidden_tests", icAt);
        if (relative is null)
            return null;
        var at = icAt.Property("hidden_tests");
        var folder = Path.GetFullPath(Path.Combine(check.BaseFolder, relative));
        if (!Directory.Exists(folder))
        {
            check.Problem(at, $"folder {folder} does not exist");
            return null;
        }
        var files = new List<HiddenTestFile>();
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
                files.Add(new HiddenTestFile(Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllBytes(file), executable));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            check.Problem(at, $"cannot read {folder}: {ex.Message}");
            return null;
        }
        if (files.Count == 0)
            check.Problem(at, $"folder {folder} holds no files");
        return files;
    }

    private static IReadOnlyList<BrowserTest>? ReadBrowserTests(JsonElement ic, JsonPath at, Checker check)
    {
        if (!ic.TryGetProperty("browser_tests", out var testsElement) || testsElement.ValueKind == JsonValueKind.Null)
            return null;
        if (testsElement.ValueKind != JsonValueKind.Array)
        {
            check.Problem(at, $"must be an array of tests, not {JsonValues.KindOf(testsElement)}");
            return null;
        }
        var tests = new List<BrowserTest>();
        var i = 0;
        foreach (var testElement in testsElement.EnumerateArray())
        {
            var tAt = at.Index(i++);
            if (testElement.ValueKind != JsonValueKind.Object)
            {
                check.Problem(tAt, $"a browser test must be an object with \"name\" and \"steps\", not {JsonValues.KindOf(testElement)}");
                continue;
            }
            var name = check.RequiredString(testElement, "name", tAt);
            if (!testElement.TryGetProperty("steps", out var stepsElement) || stepsElement.ValueKind != JsonValueKind.Array)
            {
                check.Problem(tAt.Property("steps"), "missing or not an array; a browser test needs its steps");
                continue;
            }
            var steps = new List<BrowserStep>();
            var j = 0;
            foreach (var stepElement in stepsElement.EnumerateArray())
            {
                if (ReadStep(stepElement, tAt.Property("steps").Index(j++), check) is { } step)
                    steps.Add(step);
            }
            if (steps.Count == 0 && j == 0)
                check.Problem(tAt.Property("steps"), "must hold at least one step");
            if (name is not null)
                tests.Add(new BrowserTest(name, steps));
        }
        return tests;
    }

    private static BrowserStep? ReadStep(JsonElement step, JsonPath at, Checker check)
    {
        if (step.ValueKind != JsonValueKind.Object)
        {
            check.Problem(at, $"a step must be an object with an \"action\", not {JsonValues.KindOf(step)}");
            return null;
        }
        var action = check.RequiredString(step, "action", at);
        if (action is null)
            return null;
        if (!BrowserActions.IsKnown(action))
        {
            check.Problem(at.Property("action"), $"unknown action '{action}', expected one of: {string.Join(", ", BrowserActions.RequiredFields.Keys)}");
            return null;
        }
        var before = check.Problems.Count;
        foreach (var field in BrowserActions.RequiredFields[action])
        {
            if (!step.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                check.Problem(at.Property(field), $"missing; action '{action}' needs \"{field}\"");
        }
        var count = check.OptionalInt(step, "count", at, 0, int.MaxValue);
        var parsed = new BrowserStep(
            action,
            check.OptionalString(step, "selector", at),
            check.OptionalString(step, "url", at),
            check.OptionalString(step, "value", at),
            check.OptionalString(step, "key", at),
            check.OptionalString(step, "text", at),
            count,
            check.OptionalString(step, "pattern", at),
            check.OptionalString(step, "expression", at));
        return check.Problems.Count > before ? null : parsed;
    }
}
