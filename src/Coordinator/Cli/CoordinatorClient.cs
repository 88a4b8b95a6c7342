using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SweLancer.Coordinator.Api;

namespace SweLancer.Coordinator.Cli;

/// <summary>The CLI's side of the coordinator's HTTP API. Refusals become <see cref="CoordinatorRefusedException"/> with the server's reason.</summary>
public sealed class CoordinatorClient : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http;

    public CoordinatorClient(Uri coordinator, string? token)
    {
        _http = new HttpClient { BaseAddress = coordinator, Timeout = TimeSpan.FromMinutes(10) };
        if (!string.IsNullOrEmpty(token))
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<JsonElement> UploadAsync(string tasksPath, string submissionsPath, IReadOnlyDictionary<string, string> fields, CancellationToken cancellation)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        form.Add(new StreamContent(File.OpenRead(tasksPath)), "tasks", Path.GetFileName(tasksPath));
        form.Add(new StreamContent(File.OpenRead(submissionsPath)), "submissions", Path.GetFileName(submissionsPath));
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/sweeps") { Content = form }, cancellation);
    }

    public Task<JsonElement> SubmitPathsAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellation) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "api/sweeps") { Content = JsonContent.Create(fields) }, cancellation);

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellation) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellation);

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException ex)
        {
            throw new CoordinatorUnreachableException($"cannot reach the coordinator at {_http.BaseAddress}: {ex.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellation);
            if (response.IsSuccessStatusCode)
                return JsonDocument.Parse(body).RootElement.Clone();
            var reason = TryReadError(body) ?? $"{(int)response.StatusCode} {response.ReasonPhrase}";
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                reason += " (set SWELANCER_API_TOKEN or pass --token)";
            throw new CoordinatorRefusedException(reason, response.StatusCode);
        }
    }

    private static string? TryReadError(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiError>(body, Json)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
