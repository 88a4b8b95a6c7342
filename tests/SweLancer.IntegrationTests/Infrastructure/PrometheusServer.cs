using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SweLancer.IntegrationTests.Infrastructure;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c>, installed by scripts/setup-services.sh) of the test's own: a generated
/// config scraping one target every second, storage in the test's folder, a free port. Disposing kills it.
/// </summary>
public sealed class PrometheusServer : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;
    private readonly Uri _api;

    private PrometheusServer(Process process, int port)
    {
        _process = process;
        _api = new Uri($"http://127.0.0.1:{port}/");
    }

    public const string Job = "swelancer";

    /// <summary>Starts Prometheus scraping <c>localhost:<paramref name="targetPort"/>/metrics</c> and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string folder, int targetPort)
    {
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: {Job}
                static_configs:
                  - targets: ['localhost:{targetPort}']
            """);
        var port = FreePort.Next();
        var info = new ProcessStartInfo("prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "tsdb")}", $"--web.listen-address=127.0.0.1:{port}" })
            info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("could not start prometheus");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("prometheus is not installed; scripts/setup-services.sh installs it (Debian package prometheus)", ex);
        }
        // Its log is only needed when it fails to come up; drain it so it never blocks on a full pipe.
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PrometheusServer(process, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var ready = await Http.GetAsync(new Uri(server._api, "-/ready"));
                if (ready.IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        server.Dispose();
        lock (log)
            throw new InvalidOperationException($"prometheus did not become ready on port {port}:\n{log}");
    }

    /// <summary>Runs an instant query that yields at most one series; its value, or null when it yields none.</summary>
    public async Task<double?> QueryAsync(string promql)
    {
        var body = await Http.GetStringAsync(new Uri(_api, "api/v1/query?query=" + Uri.EscapeDataString(promql)));
        using var doc = JsonDocument.Parse(body);
        var result = doc.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() switch
        {
            0 => null,
            1 => double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture),
            var n => throw new InvalidOperationException($"{promql} yielded {n} series, expected one: {body}"),
        };
    }

    /// <summary>
    /// Waits until Prometheus has tried its target once. Its discovery hands a new target to the scrape loop only after
    /// a throttle of about 5 s (the first try came 6 s after "ready" on an idle host), so a short sweep started at once
    /// could end, linger and exit before the first scrape on a loaded one.
    /// </summary>
    public async Task WaitForFirstScrapeAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var doc = JsonDocument.Parse(await TargetsAsync());
            var targets = doc.RootElement.GetProperty("data").GetProperty("activeTargets");
            // Go's zero time stands for "never scraped".
            if (targets.GetArrayLength() > 0 && !targets[0].GetProperty("lastScrape").GetString()!.StartsWith("0001-", StringComparison.Ordinal))
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"prometheus did not try its target within {timeout.TotalSeconds:0} s; its targets: {await TargetsAsync()}");
    }

    /// <summary>Prometheus's own view of its targets (health, last error), for failure messages.</summary>
    public async Task<string> TargetsAsync() => await Http.GetStringAsync(new Uri(_api, "api/v1/targets"));

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
