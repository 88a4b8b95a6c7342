using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// The live status page at / and /status: one HTML file with its CSS and JavaScript inline, shipped inside this assembly,
/// so nothing is built or downloaded. It reads /api/sweeps, /api/nodes and each sweep's event stream.
/// </summary>
public static class StatusPage
{
    public const string ResourceName = "SweLancer.Coordinator.Api.status.html";

    /// <summary>The page may talk to this coordinator only: no CDN, no other host, even if someone adds one by mistake.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

    private static readonly Lazy<string> Html = new(Read);

    public static string Read()
    {
        using var stream = typeof(StatusPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the status page ({ResourceName}) is missing from the assembly");
        return new StreamReader(stream).ReadToEnd();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var path in new[] { "/", "/status" })
        {
            app.MapGet(path, (HttpResponse response) =>
            {
                response.Headers.CacheControl = "no-cache";
                response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Results.Content(Html.Value, "text/html; charset=utf-8");
            });
        }
    }
}
