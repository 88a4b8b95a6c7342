using System.CommandLine;
using SweLancer.Hosting.Nodes;

namespace SweLancer.Coordinator.Cli;

/// <summary>The flags of the commands that talk to a running coordinator: where it is and the API token.</summary>
public sealed class CoordinatorClientOptions
{
    private readonly Option<Uri> _coordinator = new("--coordinator")
    {
        Description = "The coordinator's API, e.g. http://127.0.0.1:5080 [env SWELANCER_COORDINATOR].",
        DefaultValueFactory = r => EnvironmentDefault.Text("SWELANCER_COORDINATOR") is { } url ? ParseUrl(url, r) : null!,
        CustomParser = r => ParseUrl(r.Tokens.Single().Value, r),
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = "The API's bearer token [env SWELANCER_API_TOKEN; prefer the variable].",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_API_TOKEN"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_coordinator);
        command.Options.Add(_token);
        command.Validators.Add(r =>
        {
            if (r.GetValue(_coordinator) is null)
                r.AddError("--coordinator (or SWELANCER_COORDINATOR) is required: the coordinator's API address, e.g. http://127.0.0.1:5080.");
        });
    }

    public CoordinatorClient Connect(ParseResult parsed) => new(parsed.GetValue(_coordinator)!, parsed.GetValue(_token));

    private static Uri ParseUrl(string raw, System.CommandLine.Parsing.ArgumentResult result)
    {
        if (Uri.TryCreate(raw.EndsWith('/') ? raw : raw + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri;
        result.AddError($"--coordinator '{raw}' is not an http(s) URL such as http://127.0.0.1:5080.");
        return null!;
    }
}
