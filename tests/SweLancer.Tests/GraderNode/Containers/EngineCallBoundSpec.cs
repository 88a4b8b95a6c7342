using System.Net;
using Docker.DotNet;
using SweLancer.GraderNode.Containers;
using Xunit;

namespace SweLancer.Tests.GraderNode.Containers;

/// <summary>An engine call that never ends (an engine that stops answering mid-stream) must not hold an attempt for good.</summary>
public sealed class EngineCallBoundSpec
{
    [Fact]
    public async Task A_call_that_never_ends_is_a_retryable_system_error_naming_the_step()
    {
        var ex = await Assert.ThrowsAsync<InfrastructureException>(() =>
            EngineCallBound.RunAsync("copying /srv/app out of container abc", token => Task.Delay(Timeout.Infinite, token), CancellationToken.None, TimeSpan.FromMilliseconds(100)));

        Assert.True(ex.Retryable);
        Assert.Equal("the Docker engine did not finish copying /srv/app out of container abc within 0.1 s", ex.Message);
    }

    [Fact]
    public async Task The_callers_own_cancellation_stays_a_cancellation()
    {
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EngineCallBound.RunAsync("starting the app", token => Task.Delay(Timeout.Infinite, token), caller.Token, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void An_unreachable_engine_is_engine_loss_and_an_engine_that_answers_with_an_error_is_not()
    {
        Assert.True(EngineLoss.Is(new HttpRequestException("Connection failed"), CancellationToken.None));
        Assert.True(EngineLoss.Is(new IOException("The response ended prematurely"), CancellationToken.None));
        Assert.True(EngineLoss.Is(new TaskCanceledException("timed out"), CancellationToken.None));
        Assert.False(EngineLoss.Is(new DockerApiException(HttpStatusCode.InternalServerError, "boom"), CancellationToken.None));
        Assert.False(EngineLoss.Is(new OperationCanceledException(), new CancellationToken(canceled: true)));
    }
}
