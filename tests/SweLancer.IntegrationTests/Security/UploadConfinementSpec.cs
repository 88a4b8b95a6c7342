using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SweLancer.IntegrationTests.Cluster;
using SweLancer.Tests.Shared;
using Xunit;

namespace SweLancer.IntegrationTests.Security;

/// <summary>
/// Attacks on POST /api/sweeps uploads: an uploaded task manifest whose bug_patch, gold_patch or hidden_tests climb out
/// of the upload with '..' must not make the coordinator read a host file into a task, and a body declared larger than
/// the upload limit is refused before it is read. (Absolute paths name the coordinator's volume, as tasks_path does.)
/// </summary>
public sealed class UploadConfinementSpec
{
    [Fact]
    public async Task Uploaded_manifests_cannot_reach_host_files_and_oversized_bodies_are_refused()
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = bounded.Token;
        using var dir = new TempDir();
        var secret = dir.Write("host-secret.diff", "--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+host secret " + Guid.NewGuid().ToString("N") + "\n");
        await using var rig = await ClusterRig.StartAsync(dir.Path, graders: 0);
        var uploads = Path.Combine(dir.Path, "coordinator-data", "uploads");

        var relative = Path.GetRelativePath(Path.Combine(uploads, "some-sweep-folder"), secret);
        var relativeFolder = Path.GetRelativePath(Path.Combine(uploads, "some-sweep-folder"), dir.Path);
        foreach (var (field, value) in new[] { ("bug_patch", relative), ("gold_patch", relative), ("hidden_tests", relativeFolder) })
        {
            var manifest = Manifest(field, value);
            using var form = new MultipartFormDataContent
            {
                { new StringContent("escape"), "sweep_id" },
                { new StringContent(manifest), "tasks", "tasks.json" },
                { new StringContent("{\"question_id\": \"t-1\", \"model_patch\": \"\"}\n"), "submissions", "submissions.jsonl" },
            };
            using var response = await rig.Api.PostAsync("api/sweeps", form, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field} = {value}: {(int)response.StatusCode} {body}");
            Assert.Contains($"tasks[0].ic.{field}", body);
            Assert.Contains("cannot climb out of its upload", body);
        }

        Assert.False(Directory.Exists(uploads) && Directory.EnumerateFileSystemEntries(uploads).Any(), "a refused upload left files behind");
        Assert.DoesNotContain("escape", await rig.Api.GetStringAsync("api/sweeps", ct));

        // A body declared over the 1 GiB limit: refused from its headers, nothing read.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", rig.ApiPort, ct);
        await using var stream = tcp.GetStream();
        var headers = $"POST /api/sweeps HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: {(1L << 30) + 1}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers), ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync(ct);
        Assert.StartsWith("HTTP/1.1 413 Payload Too Large", answer);
        Assert.Contains("the upload could not be read: Request body too large. The max request body size is 1073741824 bytes.", answer);
    }

    private static string Manifest(string field, string value)
    {
        var ic = new JsonObject { ["acceptable_folders"] = new JsonArray("srv/app"), ["image"] = "swelancer-sample/freelance-app:1", ["runner"] = "command", ["test_command"] = new JsonArray("/bin/true") };
        ic[field] = value;
        var task = new JsonObject { ["question_id"] = "t-1", ["variant"] = "ic_swe", ["price"] = 100, ["ic"] = ic };
        return new JsonObject { ["format"] = "swelancer-task-manifest", ["version"] = 1, ["tasks"] = new JsonArray(task) }.ToJsonString();
    }
}
