using System.Diagnostics;
using Npgsql;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// A login role of the spec's own with a password of its own and a database it owns, on the local PostgreSQL that
/// ./test.sh runs (created as the postgres superuser, through peer authentication); both are dropped afterwards.
/// For specs that look for a database password where it must not be.
/// </summary>
public sealed class PostgresRole : IAsyncDisposable
{
    private PostgresRole(string name, string password)
    {
        Name = name;
        Password = password;
    }

    public string Name { get; }

    public string Password { get; }

    /// <summary>Written with Npgsql's Pwd synonym on purpose: redaction must know it as well as Password=.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port=5432;Username={Name};Pwd={Password};Database={Name}";

    public static PostgresRole Create()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var role = new PostgresRole("swl_secret_" + suffix, "pgpw-" + Guid.NewGuid().ToString("N"));
        Psql($"CREATE ROLE {role.Name} LOGIN PASSWORD '{role.Password}'");
        Psql($"CREATE DATABASE {role.Name} OWNER {role.Name}");
        return role;
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Psql($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        Psql($"DROP ROLE IF EXISTS {Name}");
        return ValueTask.CompletedTask;
    }

    private static void Psql(string sql)
    {
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? "runuser" : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (asRoot ? new[] { "-u", "postgres", "--" } : ["-n", "-u", "postgres"]).Concat(["psql", "-v", "ON_ERROR_STOP=1", "-qc", sql]))
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run psql");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"psql as postgres failed ({process.ExitCode}) running '{sql.Split(' ')[0]} {sql.Split(' ')[1]}': {output}");
    }
}
