using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SweLancer.Coordinator.Registry;
using SweLancer.Domain.Import;
using SweLancer.Domain.Planning;
using SweLancer.Domain.Sweeps;
using SweLancer.Messages.Sweeps;

namespace SweLancer.Coordinator.Api;

/// <summary>
/// Turns a POST /api/sweeps into a <see cref="SubmitSweep"/>: either uploaded files (multipart fields `tasks` and
/// `submissions`) or paths on a volume the coordinator can read (JSON `tasks_path` and `submissions_path`). Inputs are
/// read and planned before anything is registered; uploads of a refused submission are deleted.
/// </summary>
public static class SweepSubmission
{
    /// <summary>A submission that could not be accepted, with the reason for the client.</summary>
    public sealed class Invalid(string message) : Exception(message);

    /// <param name="UploadFolder">Where the uploaded files were kept; delete it if the registry refuses the sweep.</param>
    public sealed record Prepared(SubmitSweep Command, string? UploadFolder);

    public static async Task<Prepared> ReadAsync(HttpRequest request, string dataDir, CancellationToken cancellation)
    {
        if (request.HasFormContentType)
            return await FromUploadAsync(request, dataDir, cancellation);
        if (request.HasJsonContentType())
            return await FromPathsAsync(request, cancellation);
        throw new Invalid("send multipart/form-data with files 'tasks' and 'submissions', or JSON with 'tasks_path' and 'submissions_path'.");
    }

    private static async Task<Prepared> FromUploadAsync(HttpRequest request, string dataDir, CancellationToken cancellation)
    {
        var form = await request.ReadFormAsync(cancellation);
        var fields = form.Keys.ToDictionary(k => k, k => form[k].ToString());
        var settings = Settings.From(fields);
        var tasks = form.Files.GetFile("tasks") ?? throw new Invalid("the upload has no file field 'tasks' (the task pool, .csv or .json).");
        var submissions = form.Files.GetFile("submissions") ?? throw new Invalid("the upload has no file field 'submissions' (JSON Lines).");
        var extension = Path.GetExtension(tasks.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".json"))
            throw new Invalid($"tasks: '{tasks.FileName}' must be a .csv (SWE-Lancer task table) or .json (task manifest) file.");

        var folder = Path.Combine(Path.GetFullPath(dataDir), "uploads", $"{settings.SweepId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var tasksPath = Path.Combine(folder, "tasks" + extension);
            var submissionsPath = Path.Combine(folder, "submissions.jsonl");
            await SaveAsync(tasks, tasksPath, cancellation);
            await SaveAsync(submissions, submissionsPath, cancellation);
            if (extension == ".json" && UploadedManifestReferences.Problems(await File.ReadAllTextAsync(tasksPath, cancellation), tasks.FileName) is { Count: > 0 } problems)
                throw new Invalid(string.Join("\n", problems));
            return new Prepared(Plan(settings, tasksPath, submissionsPath, tasks.FileName, submissions.FileName), folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    private static async Task<Prepared> FromPathsAsync(HttpRequest request, CancellationToken cancellation)
    {
        Dictionary<string, JsonElement>? body;
        try
        {
            body = await request.ReadFromJsonAsync<Dictionary<string, JsonElement>>(cancellation);
        }
        catch (JsonException ex)
        {
            throw new Invalid($"the request body is not valid JSON: {ex.Message}");
        }

        if (body is null)
            throw new Invalid("the request body must be a JSON object.");
        var fields = body.ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        var settings = Settings.From(fields);
        var tasksPath = fields.GetValueOrDefault("tasks_path") ?? throw new Invalid("'tasks_path' is required: a task pool file the coordinator can read.");
        var submissionsPath = fields.GetValueOrDefault("submissions_path") ?? throw new Invalid("'submissions_path' is required: a submissions file the coordinator can read.");
        if (!Path.IsPathFullyQualified(tasksPath) || !Path.IsPathFullyQualified(submissionsPath))
            throw new Invalid("'tasks_path' and 'submissions_path' must be absolute paths on the coordinator's volume.");
        return new Prepared(Plan(settings, tasksPath, submissionsPath, tasksPath, submissionsPath), null);
    }

    private static SubmitSweep Plan(Settings settings, string tasksPath, string submissionsPath, string tasksName, string submissionsName)
    {
        SweepPlan plan;
        try
        {
            plan = SweepInputs.Load(settings.SweepId, tasksPath, submissionsPath);
        }
        catch (InputFormatException ex)
        {
            // Name the files as the client sent them, not where the coordinator keeps them.
            throw new Invalid(ex.Message.Replace(tasksPath, tasksName).Replace(submissionsPath, submissionsName));
        }

        if (plan.Items.Count == 0)
            throw new Invalid("the task pool has no tasks, so there is nothing to grade.");
        var submitted = new SweepSubmitted(settings.SweepId, tasksPath, submissionsPath, settings.MaxInFlight,
            settings.AnswerTimeoutSeconds, settings.SystemErrorRetries, DateTimeOffset.UtcNow, settings.DispatchOrder);
        return new SubmitSweep(submitted, plan);
    }

    private static async Task SaveAsync(IFormFile file, string path, CancellationToken cancellation)
    {
        await using var target = File.Create(path);
        await file.CopyToAsync(target, cancellation);
    }

    private sealed record Settings(string SweepId, int MaxInFlight, int AnswerTimeoutSeconds, int SystemErrorRetries, string DispatchOrder)
    {
        public static Settings From(IReadOnlyDictionary<string, string> fields)
        {
            var id = fields.GetValueOrDefault("sweep_id") is { Length: > 0 } given ? given : SweepIds.New();
            if (SweepIds.Problem(id) is { } problem)
                throw new Invalid(problem.Replace("--sweep-id", "sweep_id"));
            var defaults = DispatchPolicy.Default;
            return new Settings(
                id,
                Number(fields, "max_in_flight", defaults.MaxInFlight, 1),
                Number(fields, "answer_timeout_seconds", (int)defaults.AnswerTimeout.TotalSeconds, 1),
                Number(fields, "system_error_retries", defaults.MaxSystemErrorRetries, 0),
                Order(fields));
        }

        private static string Order(IReadOnlyDictionary<string, string> fields)
        {
            if (!fields.TryGetValue("dispatch_order", out var raw) || raw.Length == 0)
                return DispatchOrdering.Name(SweLancer.Domain.Sweeps.DispatchOrder.Plan);
            return DispatchOrdering.Parse(raw) is { } order
                ? DispatchOrdering.Name(order)
                : throw new Invalid($"'dispatch_order' must be {DispatchOrdering.Names}; got '{raw}'.");
        }

        private static int Number(IReadOnlyDictionary<string, string> fields, string name, int fallback, int minimum)
        {
            if (!fields.TryGetValue(name, out var raw) || raw.Length == 0)
                return fallback;
            if (!int.TryParse(raw, out var value) || value < minimum)
                throw new Invalid($"'{name}' must be a whole number of at least {minimum}; got '{raw}'.");
            return value;
        }
    }
}
