namespace SweLancer.Domain.Costs;

/// <summary>
/// What grading a set of attempts took, summed over them, and what the tasks earned for it.
/// </summary>
/// <param name="ContainerSeconds">Time grading containers were held for the attempts.</param>
/// <param name="BrowserSeconds">Time spent in browser tests.</param>
/// <param name="WallSeconds">Each attempt's grading time (finished − started), summed: attempts graded side by side all count.</param>
/// <param name="EarnedUsd">The tasks' earnings by the ledger's rule.</param>
/// <param name="UsdPerContainerHour">Earned dollars per hour of container time; null without container time (manager tasks only, or results journaled before costs were recorded).</param>
public sealed record CostFigures(double ContainerSeconds, double BrowserSeconds, double WallSeconds, decimal EarnedUsd, decimal? UsdPerContainerHour);
