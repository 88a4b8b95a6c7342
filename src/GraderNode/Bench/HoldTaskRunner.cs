using System.Globalization;
using SweLancer.Domain.Placement;
using SweLancer.GraderNode.Grading;
using SweLancer.Messages.Submissions;
using SweLancer.Messages.Tasks;

namespace SweLancer.GraderNode.Bench;

/// <summary>
/// Test-only ic_swe runner (<c>--bench-hold-runner</c>): takes one of the node's slots, waits the pull cost when this
/// process does not hold the task's image (<see cref="ImageLru"/>; a pull already under way is shared; the node pulls one
/// image at a time, as a 14 GB pull fills a node's link and disk), holds the slot
/// for the hold time, and passes. No container, no patch. Its reason carries what a benchmark measures:
/// <c>bench hold … node=… image=… pull_ms=… finished_unix_ms=…</c>.
/// </summary>
public sealed class HoldTaskRunner(string nodeId, BenchHoldSettings settings) : ITaskRunner
{
    private readonly SemaphoreSlim _slots = new(settings.Slots, settings.Slots);
    private readonly ImageLru _images = new(settings.ImageCache);
    private readonly Dictionary<string, Task> _pulls = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _pullLane = new(1, 1);
    private readonly object _gate = new();

    public string Variant => TaskVariants.IcSwe;

    /// <summary>Pulls this process made so far.</summary>
    public int Pulls { get; private set; }

    public async Task<GradeDecision> GradeAsync(TaskDefinition task, Submission submission, AttemptContext attempt, CancellationToken cancellation)
    {
        await _slots.WaitAsync(cancellation);
        try
        {
            var image = task.Ic?.Image;
            var pullMs = 0L;
            if (image is not null && settings.PullCost > TimeSpan.Zero)
            {
                var started = Environment.TickCount64;
                var (pull, pulled) = PullOf(image);
                await pull;
                pullMs = pulled ? Environment.TickCount64 - started : 0;
            }

            await Task.Delay(settings.Hold, cancellation);
            var finished = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            return GradeDecision.Pass(task.PriceUsd, string.Create(CultureInfo.InvariantCulture,
                $"bench hold {(long)settings.Hold.TotalMilliseconds} ms node={nodeId} image={image ?? "-"} pull_ms={pullMs} finished_unix_ms={finished}"));
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task PullAsync()
    {
        await _pullLane.WaitAsync();
        try
        {
            await Task.Delay(settings.PullCost);
        }
        finally
        {
            _pullLane.Release();
        }
    }

    /// <summary>The pull to wait for, and whether this attempt started it (a held image waits on a finished task).</summary>
    private (Task Pull, bool Started) PullOf(string image)
    {
        lock (_gate)
        {
            if (_images.Touch(image, out var evicted) && _pulls.TryGetValue(image, out var existing))
                return (existing, false);
            if (evicted is not null)
                _pulls.Remove(evicted);
            var pull = PullAsync();
            _pulls[image] = pull;
            Pulls++;
            return (pull, true);
        }
    }
}
