using System.Diagnostics;
using SweLancer.IntegrationTests.Infrastructure;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>
/// A pod configures the nodes with environment variables only (the Helm chart sets no flags): the required settings
/// must be read from them, not only from flags.
/// </summary>
public sealed class EnvironmentOnlySettingsSpec
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_coordinator_reads_its_database_from_SWELANCER_DB()
    {
        // A value of the wrong shape is refused with the parser's reason: proof that the variable was read.
        var bad = await CoordinatorCli.RunAsync(TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["SWELANCER_DB"] = "journal.db" }, "coordinator");
        Assert.Equal(2, bad.ExitCode);
        Assert.DoesNotContain("--db (or SWELANCER_DB) is required", bad.All);
        Assert.Contains("--db must be a PostgreSQL connection string", bad.All);
    }

    [Fact]
    public async Task A_grader_reads_its_seed_nodes_from_SWELANCER_SEED_NODES()
    {
        var all = await RunGraderUntilItGivesUpJoiningAsync(Path.Combine(AppContext.BaseDirectory, "swelancer-grader.dll"));
        Assert.DoesNotContain("a grader node needs --seed-nodes", all);
        Assert.Contains("did not join the cluster within 2 s", all);
    }

    /// <summary>
    /// The grader image holds the grader project's own publish, without the coordinator's assemblies beside it (the tests
    /// run every node from their own folder, which has both). Its dependencies must be complete on their own: a shared
    /// assembly built against a newer Akka than the grader's packages brought once kept every grader pod from starting.
    /// </summary>
    [Fact]
    public async Task The_grader_starts_from_its_own_build_output_as_its_image_does()
    {
        var own = Path.Combine(SharedDataset.RepoRoot, "src", "GraderNode", "bin", "Release", "net10.0", "swelancer-grader.dll");
        Assert.True(File.Exists(own), $"{own} is not built (dotnet build SweLancer.sln -c Release)");
        var all = await RunGraderUntilItGivesUpJoiningAsync(own);
        Assert.DoesNotContain("Could not load file or assembly", all);
        Assert.Contains("did not join the cluster within 2 s", all);
    }

    /// <summary>Starts a grader whose seed (from SWELANCER_SEED_NODES) nobody answers: it must get as far as trying to join, then exit 1.</summary>
    private static async Task<string> RunGraderUntilItGivesUpJoiningAsync(string graderDll)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(graderDll);
        foreach (var arg in new[] { "--join-timeout-seconds", "2", "--port", "0", "--node-id", $"env-only-{port}", "--log", Path.Combine(Path.GetTempPath(), $"env-only-{port}.log") })
            info.ArgumentList.Add(arg);
        info.Environment["SWELANCER_SEED_NODES"] = $"akka.tcp://swelancer@127.0.0.1:{port}";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }

        var all = await output + await error;
        Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}:\n{all}");
        return all;
    }
}
