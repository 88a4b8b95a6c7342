using System.Diagnostics;

namespace SweLancer.IntegrationTests.Cluster;

/// <summary>Stops and starts the local PostgreSQL 15 cluster that ./test.sh runs, for database-outage tests.</summary>
public static class PostgresServer
{
    public static void Stop() => PgCtl("stop", "-m", "fast");

    public static void Start() => PgCtl("start");

    private static void PgCtl(params string[] args)
    {
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? "pg_ctlcluster" : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (!asRoot)
        {
            info.ArgumentList.Add("-n");
            info.ArgumentList.Add("pg_ctlcluster");
        }

        foreach (var arg in new[] { "15", "main" }.Concat(args.Take(1)).Concat(args.Skip(1)))
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run pg_ctlcluster");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"pg_ctlcluster 15 main {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
    }
}
