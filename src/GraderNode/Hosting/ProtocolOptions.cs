using System.CommandLine;
using SweLancer.GraderNode.Containers;
using SweLancer.GraderNode.Protocol;
using SweLancer.Hosting.Nodes;

namespace SweLancer.GraderNode.Hosting;

/// <summary>
/// The flags (and environment variables) of the official SWE-Lancer IC runner, shared by `sweep` (embedded) and the
/// grader role. Each has a SWELANCER_* variable so a Kubernetes pod is configured without flags.
/// </summary>
public sealed class ProtocolOptions
{
    private readonly Option<ImageMode> _images = new("--swelancer-images")
    {
        Description = "Official IC images: per-task (swelancer/swelancer_x86_<id>:releasev1, setup baked in) or monolith (one image, setup at start) [env SWELANCER_IMAGES].",
        DefaultValueFactory = r => ParseMode(r, EnvironmentDefault.Text("SWELANCER_IMAGES"), "environment variable SWELANCER_IMAGES"),
        CustomParser = r => r.Tokens.Count == 0
            ? ParseMode(r, EnvironmentDefault.Text("SWELANCER_IMAGES"), "environment variable SWELANCER_IMAGES")
            : ParseMode(r, r.Tokens[^1].Value, "--swelancer-images"),
    };

    private readonly Option<string?> _template = new("--swelancer-image-template")
    {
        Description = "Image name for a private mirror, {question_id} substituted, e.g. registry.local/swelancer_x86_{question_id}:releasev1 [env SWELANCER_IMAGE_TEMPLATE].",
        DefaultValueFactory = _ => EnvironmentDefault.Text("SWELANCER_IMAGE_TEMPLATE"),
    };

    private readonly Option<int> _setupSeconds = Whole("--swelancer-setup-seconds", "SWELANCER_SETUP_SECONDS", ProtocolSettings.DefaultSetupSeconds,
        "Budget for a container's setup (until /setup_done.txt reads done); past it, a system error");

    private readonly Option<int> _gradeSeconds = Whole("--swelancer-grade-seconds", "SWELANCER_GRADE_SECONDS", ProtocolSettings.DefaultGradeSeconds,
        "Budget for the grade step (all test runs); past it, a system error");

    private readonly Option<int> _testRuns = Whole("--swelancer-test-runs", "SWELANCER_TEST_RUNS", ProtocolSettings.DefaultTestRuns,
        "Test runs per attempt (n_test_runs); any passing run passes");

    private readonly Option<bool> _setupNetwork = new("--swelancer-setup-network")
    {
        Description = "Monolith only: a route out during setup (npm, pip), cut before the model's patch goes in [env SWELANCER_SETUP_NETWORK].",
        DefaultValueFactory = EnvironmentDefault.Flag("SWELANCER_SETUP_NETWORK", true),
    };

    private readonly Option<bool> _missingIsSystemError = new("--swelancer-missing-exit-code-is-system-error")
    {
        Description = "Count a run that wrote no pytest exit code as a system error (upstream PR #153) instead of a failed run [env SWELANCER_MISSING_EXIT_CODE_IS_SYSTEM_ERROR].",
        DefaultValueFactory = EnvironmentDefault.Flag("SWELANCER_MISSING_EXIT_CODE_IS_SYSTEM_ERROR", false),
    };

    private readonly Option<double> _pollSeconds = new("--swelancer-ready-poll-seconds")
    {
        Description = "How often setup_done.txt is read [env SWELANCER_READY_POLL_SECONDS].",
        DefaultValueFactory = r => Number(r, "SWELANCER_READY_POLL_SECONDS", 2),
    };

    private readonly Option<int> _memoryMiB = Whole("--swelancer-memory-mib", "SWELANCER_MEMORY_MIB", (int)(ProtocolSettings.DefaultLimits.MemoryBytes / (1024 * 1024)),
        "Memory per IC container, MiB (no swap)");

    private readonly Option<double> _cpus = new("--swelancer-cpus")
    {
        Description = "CPUs per IC container [env SWELANCER_CPUS].",
        DefaultValueFactory = r => Number(r, "SWELANCER_CPUS", ProtocolSettings.DefaultLimits.NanoCpus / 1e9),
    };

    private readonly Option<int> _diskMiB = Whole("--swelancer-disk-mib", "SWELANCER_DISK_MIB", (int)(ProtocolSettings.DefaultLimits.DiskBytes!.Value / (1024 * 1024)),
        "What an IC container may write, MiB; over it, the attempt fails");

    private readonly Option<int> _pids = Whole("--swelancer-pids", "SWELANCER_PIDS", (int)ProtocolSettings.DefaultLimits.Pids, "Processes per IC container");

    private readonly Option<int?> _gradingSlots = new("--swelancer-slots")
    {
        Description = "IC containers grading at once. Default: as many as cores and memory carry at the per-container limits, counting as many again setting up [env SWELANCER_SLOTS].",
        DefaultValueFactory = EnvironmentDefault.OptionalInt("SWELANCER_SLOTS"),
    };

    private readonly Option<int?> _ahead = new("--swelancer-setup-ahead")
    {
        Description = "Further IC containers that set up for queued attempts while others grade (pre-warming); 0 turns it off. Default: as many as --swelancer-slots [env SWELANCER_SETUP_AHEAD].",
        DefaultValueFactory = EnvironmentDefault.OptionalInt("SWELANCER_SETUP_AHEAD"),
    };

    private readonly Option<int?> _imageBudgetGiB = new("--swelancer-image-budget-gib")
    {
        Description = "Disk the task images this node pulls may take, GiB; least recently used ones not in use are removed. Default: no budget [env SWELANCER_IMAGE_BUDGET_GIB].",
        DefaultValueFactory = EnvironmentDefault.OptionalInt("SWELANCER_IMAGE_BUDGET_GIB"),
    };

    public ProtocolOptions()
    {
        foreach (var option in new[] { _setupSeconds, _gradeSeconds, _testRuns, _memoryMiB, _pids, _diskMiB })
            option.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError($"{option.Name} must be at least 1."); });
        foreach (var option in new[] { _pollSeconds, _cpus })
            option.Validators.Add(r => { if (r.GetValueOrDefault<double>() <= 0) r.AddError($"{option.Name} must be more than 0."); });
        _gradingSlots.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--swelancer-slots must be at least 1."); });
        _imageBudgetGiB.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--swelancer-image-budget-gib must be at least 1."); });
        _ahead.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 0) r.AddError("--swelancer-setup-ahead must be 0 or more."); });
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _images, _template, _setupSeconds, _gradeSeconds, _testRuns, _setupNetwork, _missingIsSystemError, _pollSeconds, _memoryMiB, _cpus, _pids, _diskMiB, _gradingSlots, _ahead, _imageBudgetGiB })
            command.Options.Add(option);
        command.Validators.Add(r =>
        {
            if (r.GetValue(_template) is { } template && ProtocolImage.Problem(template, r.GetValue(_images)) is { } problem)
                r.AddError($"--swelancer-image-template: {problem}.");
        });
    }

    public ProtocolSettings Read(ParseResult parsed)
    {
        var limits = new ContainerLimits((long)parsed.GetValue(_memoryMiB) * 1024 * 1024, (long)(parsed.GetValue(_cpus) * 1e9), parsed.GetValue(_pids),
            (long)parsed.GetValue(_diskMiB) * 1024 * 1024);
        var slots = parsed.GetValue(_gradingSlots) ?? ProtocolSettings.DefaultGradingSlots(limits);
        return new ProtocolSettings(
            parsed.GetValue(_images),
            parsed.GetValue(_template),
            TimeSpan.FromSeconds(parsed.GetValue(_setupSeconds)),
            TimeSpan.FromSeconds(parsed.GetValue(_gradeSeconds)),
            parsed.GetValue(_testRuns),
            parsed.GetValue(_setupNetwork),
            parsed.GetValue(_missingIsSystemError),
            TimeSpan.FromSeconds(parsed.GetValue(_pollSeconds)),
            limits,
            slots,
            parsed.GetValue(_ahead) ?? slots,
            parsed.GetValue(_imageBudgetGiB) is { } gib ? gib * 1024L * 1024 * 1024 : null);
    }

    private static Option<int> Whole(string name, string variable, int fallback, string description) => new(name)
    {
        Description = $"{description} [env {variable}]. Default: {fallback}.",
        DefaultValueFactory = EnvironmentDefault.Int(variable, fallback),
    };

    private static ImageMode ParseMode(System.CommandLine.Parsing.ArgumentResult result, string? raw, string source)
    {
        switch (raw?.Trim().ToLowerInvariant())
        {
            case null or "per-task":
                return ImageMode.PerTask;
            case "monolith":
                return ImageMode.Monolith;
            default:
                result.AddError($"{source}='{raw}' is neither per-task nor monolith.");
                return ImageMode.PerTask;
        }
    }

    private static double Number(System.CommandLine.Parsing.ArgumentResult result, string variable, double fallback)
    {
        if (EnvironmentDefault.Text(variable) is not { } raw)
            return fallback;
        if (double.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var value))
            return value;
        result.AddError($"environment variable {variable}='{raw}' is not a number.");
        return fallback;
    }
}
