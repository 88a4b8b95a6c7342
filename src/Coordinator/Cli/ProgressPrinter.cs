using System.Diagnostics;
using SweLancer.Domain.Summaries;
using SweLancer.Domain.Sweeps;

namespace SweLancer.Coordinator.Cli;

/// <summary>
/// Live progress: one rewritten line on a terminal; on redirected output (CI logs) a plain line whenever something
/// changed, at most once a second.
/// </summary>
public sealed class ProgressPrinter(TextWriter output, bool interactive, int alreadyGraded)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _last;

    public void Show(SweepProgress progress)
    {
        var line = Format(progress, _clock.Elapsed, alreadyGraded);
        if (line == _last)
            return;
        _last = line;
        if (interactive)
            output.Write("\r" + line.PadRight(Console.WindowWidth > 0 ? Math.Min(Console.WindowWidth - 1, 160) : 0));
        else
            output.WriteLine(line);
    }

    public void Finish()
    {
        if (interactive && _last is not null)
            output.WriteLine();
    }

    /// <summary>The rate is what this process has seen graded since it started watching (resumed results excluded).</summary>
    public static string Format(SweepProgress p, TimeSpan elapsed, int alreadyGraded) =>
        Format(p, elapsed.TotalMinutes > 0 ? (p.Graded - alreadyGraded) / elapsed.TotalMinutes : 0);

    /// <summary>Attempts graded and the rate in attempts; passes, failures and dollars per task, as the ledger counts them.</summary>
    public static string Format(SweepProgress p, double attemptsPerMinute)
    {
        var left = p.Total - p.Graded;
        var eta = attemptsPerMinute > 0 && left > 0 ? $", eta {TimeSpan.FromMinutes(left / attemptsPerMinute):hh\\:mm\\:ss}" : "";
        return $"progress: {p.Graded}/{p.Total} graded (attempts); tasks: {p.Passed} passed, {p.Failed} failed, {p.SystemErrors} system errors of {p.Tasks}; " +
               $"{Money.Display(p.EarnedUsd)} of {Money.Display(p.AvailableUsd)} earned, {attemptsPerMinute:0.#} attempts/min, {p.InFlight} in flight{eta}";
    }
}
