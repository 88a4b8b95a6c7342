using System.CommandLine;
using SweLancer.GraderNode.Bench;
using SweLancer.Hosting.Nodes;

namespace SweLancer.GraderNode.Hosting;

/// <summary>
/// The test-only flags of <c>swelancer-grader</c> that swap its ic_swe runner for <see cref="HoldTaskRunner"/>. Flags
/// only, no environment variables, so a pod's configuration cannot turn them on by accident; and only with an explicit
/// slot count.
/// </summary>
public sealed class BenchHoldOptions
{
    private readonly Option<string?> _hold = new("--bench-hold-runner")
    {
        Description = "BENCHMARKS ONLY: grade no ic_swe task for real; every attempt holds a slot for this long (e.g. 2s, 100ms) and passes. Needs --container-slots.",
    };

    private readonly Option<string?> _pullCost = new("--bench-pull-cost")
    {
        Description = "BENCHMARKS ONLY, with --bench-hold-runner: an attempt whose task image this process does not hold first waits this long (a simulated pull).",
    };

    private readonly Option<int?> _imageCache = new("--bench-image-cache")
    {
        Description = "BENCHMARKS ONLY, with --bench-pull-cost: images this process holds at once, least recently used evicted (default: no limit).",
    };

    public BenchHoldOptions()
    {
        _hold.Validators.Add(r => CheckDuration(r, "--bench-hold-runner"));
        _pullCost.Validators.Add(r => CheckDuration(r, "--bench-pull-cost"));
        _imageCache.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--bench-image-cache must be at least 1."); });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_hold);
        command.Options.Add(_pullCost);
        command.Options.Add(_imageCache);
        command.Validators.Add(r =>
        {
            var hold = r.GetValue(_hold) is not null;
            if (!hold && (r.GetValue(_pullCost) is not null || r.GetValue(_imageCache) is not null))
                r.AddError("--bench-pull-cost and --bench-image-cache only go with --bench-hold-runner.");
            if (hold && r.GetValue<int?>("--container-slots") is null && EnvironmentDefault.Text("SWELANCER_CONTAINER_SLOTS") is null)
                r.AddError("--bench-hold-runner needs an explicit --container-slots: the slots it holds.");
        });
    }

    /// <summary>The hold runner's settings, or null when --bench-hold-runner was not given.</summary>
    public BenchHoldSettings? Read(ParseResult parsed, int? slots)
    {
        if (parsed.GetValue(_hold) is not { } holdText)
            return null;
        BenchDuration.TryParse(holdText, out var hold);
        var pullCost = TimeSpan.Zero;
        if (parsed.GetValue(_pullCost) is { } pullText)
            BenchDuration.TryParse(pullText, out pullCost);
        return new BenchHoldSettings(hold, slots ?? throw new InvalidOperationException("--bench-hold-runner needs --container-slots"), pullCost,
            parsed.GetValue(_imageCache) ?? BenchHoldSettings.DefaultImageCache);
    }

    private static void CheckDuration(System.CommandLine.Parsing.OptionResult result, string name)
    {
        var text = result.GetValueOrDefault<string?>();
        if (text is not null && (!BenchDuration.TryParse(text, out var value) || value < TimeSpan.Zero))
            result.AddError($"{name} '{text}' is not a duration such as 2s, 100ms or 1.5s.");
    }
}
