using Akka.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SweLancer.Coordinator.Registry;
using SweLancer.Coordinator.Reports;

namespace SweLancer.Coordinator.Api;

/// <summary>The sweep routes under /api/sweeps.</summary>
public static class SweepEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SweepQueries queries, ActorSystem system, string dataDir)
    {
        var sweeps = app.MapGroup("/api/sweeps");

        sweeps.MapGet("/", async (CancellationToken ct) =>
        {
            var views = new List<SweepView>();
            foreach (var sweep in await queries.ListAsync(ct))
                views.Add(await queries.ViewAsync(sweep, ct));
            return Results.Ok(new { sweeps = views });
        });

        sweeps.MapPost("/", async (HttpRequest request, CancellationToken ct) =>
        {
            SweepSubmission.Prepared prepared;
            try
            {
                prepared = await SweepSubmission.ReadAsync(request, dataDir, ct);
            }
            catch (SweepSubmission.Invalid ex)
            {
                return Results.BadRequest(new ApiError(ex.Message));
            }
            catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
            {
                // Kestrel's own status (413 for a body over the limit) tells a client more than a bare 400.
                var status = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                return Results.Json(new ApiError($"the upload could not be read: {ex.Message}"), statusCode: status);
            }

            var answer = await queries.Registry.Ask<object>(prepared.Command, TimeSpan.FromSeconds(30), ct);
            if (answer is SweepRefused refused)
            {
                if (prepared.UploadFolder is not null)
                    Directory.Delete(prepared.UploadFolder, recursive: true);
                return Results.Conflict(new ApiError(refused.Reason));
            }

            var plan = prepared.Command.Plan;
            return Results.Created($"/api/sweeps/{Uri.EscapeDataString(plan.SweepId)}", new
            {
                sweep_id = plan.SweepId,
                tasks = plan.Items.Select(i => i.Task.QuestionId).Distinct().Count(),
                attempts = plan.Items.Count,
                warnings = plan.Warnings,
            });
        });

        sweeps.MapGet("/{id}", async (string id, CancellationToken ct) =>
            await queries.FindAsync(id, ct) is { } sweep ? Results.Ok(await queries.ViewAsync(sweep, ct)) : NotFound(id));

        // What a sweep's plan and ledger make: 404 for an unknown sweep, 503 while its ledger recovers. The full ledger
        // for a download; the one kept between requests for what the status page polls while the sweep grades.
        async Task<IResult> FromLedger<TLedger>(string id, Func<RegisteredSweep, Task<TLedger?>> read, Func<RegisteredSweep, TLedger, IResult> answer,
            CancellationToken ct) where TLedger : class
        {
            if (await queries.FindAsync(id, ct) is not { Planned: not null } sweep)
                return NotFound(id);
            return await read(sweep) is { } ledger
                ? answer(sweep, ledger)
                : Results.Json(new ApiError($"the ledger of sweep '{id}' is recovering; try again shortly"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        sweeps.MapGet("/{id}/results.csv", (string id, CancellationToken ct) => FromLedger(id, sweep => queries.LedgerAsync(sweep, ct), (sweep, ledger) =>
        {
            var text = new StringWriter();
            ResultsCsv.Write(text, sweep.Planned!, ledger.Entries);
            return Results.Text(text.ToString(), "text/csv");
        }, ct));

        sweeps.MapGet("/{id}/timeline", (string id, CancellationToken ct) =>
            FromLedger(id, sweep => queries.LiveLedgerAsync(sweep, ct), (_, ledger) => Results.Ok(ledger.Timeline), ct));

        sweeps.MapGet("/{id}/estimates", (string id, CancellationToken ct) =>
            FromLedger(id, sweep => queries.LiveLedgerAsync(sweep, ct), (_, ledger) => Results.Ok(ledger.Estimates), ct));

        sweeps.MapPost("/{id}/cancel", async (string id, CancellationToken ct) =>
        {
            var answer = await queries.Registry.Ask<object>(new CancelSweep(id), TimeSpan.FromSeconds(30), ct);
            return answer switch
            {
                SweepRefused { NotFound: true } => NotFound(id),
                SweepRefused refused => Results.Conflict(new ApiError(refused.Reason)),
                _ => Results.Ok(await queries.ViewAsync((await queries.FindAsync(id, ct))!, ct)),
            };
        });

        sweeps.MapGet("/{id}/events", async (string id, HttpContext context, CancellationToken ct) =>
        {
            if (await queries.FindAsync(id, ct) is null)
            {
                await NotFound(id).ExecuteAsync(context);
                return;
            }

            await SweepEventStream.WriteAsync(context, system, id, ct);
        });
    }

    private static IResult NotFound(string id) => Results.NotFound(new ApiError($"no sweep named '{id}'"));
}
