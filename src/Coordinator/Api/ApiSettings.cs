namespace SweLancer.Coordinator.Api;

/// <summary>How the coordinator's HTTP API listens.</summary>
/// <param name="Urls">Kestrel URLs such as http://127.0.0.1:5080.</param>
/// <param name="Token">Bearer token every request must carry; required when any URL is not loopback.</param>
/// <param name="DataDir">Where uploaded task pools and submissions are kept (a volume the coordinator keeps across restarts).</param>
public sealed record ApiSettings(IReadOnlyList<string> Urls, string? Token, string DataDir)
{
    /// <summary>Why these settings must not be used, or null.</summary>
    public string? Problem()
    {
        foreach (var url in Urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                return $"--api-urls: '{url}' is not an http(s) URL such as http://127.0.0.1:5080.";
            if (!IsLoopback(uri) && string.IsNullOrEmpty(Token))
                return $"--api-urls: '{url}' is reachable from other machines, so a bearer token is required: set SWELANCER_API_TOKEN (or --api-token).";
        }

        return null;
    }

    // Only names that cannot be reached from elsewhere count; 0.0.0.0 and [::] listen on every interface.
    private static bool IsLoopback(Uri uri) =>
        uri.Host is "localhost" || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
