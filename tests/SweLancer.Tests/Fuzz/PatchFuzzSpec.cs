using System.Diagnostics;
using SweLancer.GraderNode.Patching;
using SweLancer.Messages.Tasks;
using Xunit;

namespace SweLancer.Tests.Fuzz;

/// <summary>
/// Thousands of generated and mutated diffs go to <see cref="PatchPolicy"/>, and every one it allows is applied with
/// the real GNU patch in a sandbox (issue 10). Properties: the policy never crashes and decides the same way twice;
/// its approved diff, read again, is approved alike; and the entries GNU patch actually created, changed or deleted,
/// anywhere in the sandbox (outside the workspace too, links not followed), are approved paths or their folders.
/// Fixed seed; bounded by a case count (4,000, about 15 s on an idle 2-core machine) and a time limit of 40 s, with a
/// floor on how many cases must have run so a starved machine cannot make it pass by doing nothing.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PatchFuzzSpec
{
    private const int Seed = 20261201;
    private const int Cases = 4000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    private static readonly IcTaskSpec Spec = new(["srv/app"], "/srv/app", HiddenTests: [new HiddenTestFile("test.sh", [1])]);

    [Fact]
    public async Task Every_allowed_diff_changes_only_what_the_policy_approved()
    {
        using var sandbox = new FuzzSandbox();
        var fuzzer = new DiffFuzzer(Seed);
        var patcher = new GnuPatch();
        var problems = new List<string>();
        var clock = Stopwatch.StartNew();
        int cases = 0, allowed = 0, applied = 0, changedSomething = 0;

        for (; cases < Cases && clock.Elapsed < Budget && problems.Count < 5; cases++)
        {
            var diff = fuzzer.Next();
            PatchVerdict verdict;
            try
            {
                verdict = PatchPolicy.Check(diff, Spec);
                var again = PatchPolicy.Check(diff, Spec);
                if (again.Allowed != verdict.Allowed || again.Reason != verdict.Reason || again.Diff != verdict.Diff)
                    problems.Add($"case {cases}: two decisions for one diff\n{Show(diff)}");
            }
            catch (Exception ex)
            {
                problems.Add($"case {cases}: the policy crashed: {ex}\n{Show(diff)}");
                continue;
            }
            if (!verdict.Allowed)
            {
                if (!verdict.Reason.StartsWith("patch rejected: ", StringComparison.Ordinal))
                    problems.Add($"case {cases}: refusal without a reason: '{verdict.Reason}'\n{Show(diff)}");
                continue;
            }
            if (verdict.Files.Count == 0)
                continue;
            allowed++;

            var reread = PatchPolicy.Check(verdict.Diff, Spec);
            if (!reread.Allowed || reread.Diff != verdict.Diff || !reread.Paths.SetEquals(verdict.Paths))
                problems.Add($"case {cases}: the approved diff, read again, is decided otherwise ({reread.Reason})\n{Show(diff)}");

            sandbox.Reset();
            var before = sandbox.Snapshot();
            PatchApplication result;
            try
            {
                result = await patcher.ApplyAsync(sandbox.Workspace, verdict.Diff, TestContext.Current.CancellationToken);
            }
            catch (Exception ex)
            {
                problems.Add($"case {cases}: applying crashed: {ex}\n{Show(diff)}");
                continue;
            }
            applied += result.Applied ? 1 : 0;
            var after = sandbox.Snapshot();
            var changed = before.Keys.Union(after.Keys)
                .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
                .ToList();
            changedSomething += changed.Count > 0 ? 1 : 0;
            var unapproved = changed.Where(path => !Approved(path, verdict.Paths)).ToList();
            if (unapproved.Count > 0)
                problems.Add($"case {cases}: GNU patch changed {string.Join(", ", unapproved)} but the policy approved only {string.Join(", ", verdict.Paths)}\n{Show(diff)}\npatch said: {result.Output}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{cases} diffs in {clock.Elapsed.TotalSeconds:0.0} s: {allowed} allowed, {applied} applied by GNU patch, {changedSomething} changed files");
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
        Assert.True(cases >= 500, $"only {cases} cases ran within {Budget.TotalSeconds} s");
        Assert.True(allowed >= 100 && applied >= 50, $"too few allowed ({allowed}) or applied ({applied}) diffs to mean anything");
    }

    /// <summary>A change inside the workspace at an approved path, or at a folder that holds one (patch makes and removes folders).</summary>
    private static bool Approved(string casePath, IReadOnlySet<string> approved)
    {
        if (!casePath.StartsWith("ws/", StringComparison.Ordinal))
            return false; // outside the workspace: never
        var path = casePath["ws/".Length..];
        return approved.Contains(path) || approved.Any(a => a.StartsWith(path + "/", StringComparison.Ordinal));
    }

    private static string Show(string diff) => diff.Length > 1500 ? diff[..1500] + "…" : diff.Replace("\r", "\\r");
}
