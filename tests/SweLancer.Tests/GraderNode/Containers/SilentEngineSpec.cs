using System.Diagnostics;
using System.Net.Sockets;
using SweLancer.GraderNode.Containers;
using Xunit;

namespace SweLancer.Tests.GraderNode.Containers;

/// <summary>
/// An engine that takes the connection and never answers (hung, not gone): the harness's own short steps in a
/// container (starting the app, resolving the test command, preparing the app's folders, the official runner's steps)
/// end at their bound as a retryable system error naming the step. Before, they waited for good, holding the slot.
/// </summary>
public sealed class SilentEngineSpec : IDisposable
{
    private readonly string _socketPath = Path.Combine(Path.GetTempPath(), $"swelancer-silent-{Guid.NewGuid():N}.sock");
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly List<Socket> _held = [];

    public SilentEngineSpec()
    {
        _listener.Bind(new UnixDomainSocketEndPoint(_socketPath));
        _listener.Listen();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var connection = await _listener.AcceptAsync();
                    lock (_held)
                        _held.Add(connection); // read nothing, answer nothing, close nothing
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // the spec is over
            }
        });
    }

    public void Dispose()
    {
        _listener.Dispose();
        lock (_held)
            _held.ForEach(s => s.Dispose());
        File.Delete(_socketPath);
    }

    [Fact]
    public async Task A_step_in_a_container_of_a_silent_engine_ends_at_its_bound_as_a_retryable_system_error_naming_it()
    {
        using var docker = DockerEndpoint.Connect(new Uri("unix://" + _socketPath));
        var lease = new ContainerLease(docker, "0123456789abcdef", "image", "", _ => Task.CompletedTask);
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<InfrastructureException>(() =>
            lease.RunStepAsync("resolving the test command", ["/bin/sh", "-c", "true"], "/", TestContext.Current.CancellationToken, limit: TimeSpan.FromSeconds(1)));

        Assert.True(ex.Retryable);
        Assert.Equal("the Docker engine did not finish resolving the test command in container 0123456789ab within 1 s", ex.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 30);
        lock (_held)
            Assert.NotEmpty(_held); // it did reach the engine, which stayed silent
    }
}
