using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SweLancer.Coordinator.Api;

/// <summary>The coordinator's HTTP API on Kestrel (from the shared framework).</summary>
public static class CoordinatorApi
{
    /// <summary>Task tables and submission files of large sweeps are big; allow uploads up to 1 GiB.</summary>
    private const long MaxUploadBytes = 1L << 30;

    public static WebApplication Build(ApiSettings settings, SweepQueries queries, ActorSystem system)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls([.. settings.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxUploadBytes);
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = MaxUploadBytes);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        if (settings.Token is { Length: > 0 } token)
        {
            var gate = new BearerTokenGate(token);
            app.Use((context, next) => context.Request.Path.StartsWithSegments("/healthz") ? next(context) : gate.InvokeAsync(context, next));
        }

        SweepEndpoints.Map(app, queries, system, settings.DataDir);
        NodeEndpoints.Map(app, system);
        StatusPage.Map(app);
        return app;
    }
}
