using System.CommandLine;
using SweLancer.Coordinator.Api;
using SweLancer.Coordinator.Hosting;
using SweLancer.GraderNode.Hosting;

namespace SweLancer.Coordinator.Cli;

/// <summary>`swelancer coordinator`: the coordinator role of a cluster, with the HTTP API.</summary>
public static class CoordinatorCommand
{
    public const int DefaultPort = 4053;

    public static Command Build()
    {
        var node = new NodeOptions(DefaultPort);
        var db = new Option<string?>("--db")
        {
            Description = "Journal database, a PostgreSQL connection string (Host=…;Username=…;Password=…;Database=…) [env SWELANCER_DB].",
            DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_DB"),
        };
        var urls = new Option<string>("--api-urls")
        {
            Description = "Where the HTTP API listens, comma-separated [env SWELANCER_API_URLS]. Any non-loopback address needs a token.",
            DefaultValueFactory = EnvironmentDefault.String("SWELANCER_API_URLS", "http://127.0.0.1:5080"),
        };
        var token = new Option<string?>("--api-token")
        {
            Description = "Bearer token the API requires [env SWELANCER_API_TOKEN; prefer the variable, flags show up in process lists].",
            DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_API_TOKEN"),
        };
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "Where uploaded task pools and submissions are kept; keep it across restarts [env SWELANCER_DATA_DIR].",
            DefaultValueFactory = EnvironmentDefault.String("SWELANCER_DATA_DIR", "coordinator-data"),
        };
        var roles = new Option<string>("--roles")
        {
            Description = "This node's roles: 'coordinator', or 'coordinator,grader' to grade here too with the grader flags below [env SWELANCER_ROLES].",
            DefaultValueFactory = EnvironmentDefault.String("SWELANCER_ROLES", CoordinatorNode.Role),
        };
        var grader = new GraderOptions();

        var command = new Command("coordinator", "Run the coordinator role of a cluster (sweeps, ledgers, HTTP API) on PostgreSQL; grader nodes (swelancer-grader) join it.")
        {
            db, urls, token, dataDir, roles,
        };
        node.AddTo(command);
        grader.AddTo(command);
        command.Validators.Add(r =>
        {
            // Here rather than on the option, so a value from SWELANCER_ROLES is checked too. Defaults are not filled in
            // yet while validating, hence the fallback.
            try
            {
                CoordinatorRoles.Parse(r.GetValue(roles) ?? EnvironmentDefault.Text("SWELANCER_ROLES") ?? CoordinatorNode.Role);
            }
            catch (ArgumentException ex)
            {
                r.AddError(ex.Message);
            }
        });
        command.Validators.Add(r =>
        {
            // Defaults are not filled in while validating: without the fallback SWELANCER_DB was refused as missing.
            var value = r.GetValue(db) ?? EnvironmentDefault.Text("SWELANCER_DB");
            if (string.IsNullOrWhiteSpace(value))
            {
                r.AddError("--db (or SWELANCER_DB) is required: the PostgreSQL database the coordinator's journal lives in.");
                return;
            }

            try
            {
                DatabaseTarget.Parse(value);
            }
            catch (ArgumentException ex)
            {
                r.AddError(ex.Message);
            }

        });
        command.SetAction((parsed, stop) =>
        {
            var api = new ApiSettings(SplitUrls(parsed.GetValue(urls)!), parsed.GetValue(token), Path.GetFullPath(parsed.GetValue(dataDir)!));
            if (api.Problem() is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}");
                return Task.FromResult(SweepRunner.ExitBadInput);
            }

            var nodeSettings = node.Read(parsed);
            var alsoGrades = CoordinatorRoles.Parse(parsed.GetValue(roles)!).AlsoGrades;
            var settings = new CoordinatorSettings(nodeSettings, DatabaseTarget.Parse(parsed.GetValue(db)!), api,
                node.LogPath(parsed), node.JoinTimeout(parsed), node.MetricsPort(parsed),
                alsoGrades ? grader.Read(parsed, nodeSettings, node) : null);
            return CoordinatorProcess.RunAsync(settings, stop);
        });
        return command;
    }

    private static string[] SplitUrls(string urls) => urls.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
