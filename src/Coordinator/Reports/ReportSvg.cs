using System.Net;
using System.Text;
using SweLancer.Domain.Summaries;
using static SweLancer.Coordinator.Reports.ReportFormat;

namespace SweLancer.Coordinator.Reports;

/// <summary>One row of an earnings bar chart.</summary>
public sealed record EarningsBar(string Label, decimal EarnedUsd, decimal AvailableUsd);

/// <summary>
/// The report's charts as inline SVG, drawn here rather than by a JavaScript library so the page opens from disk with no
/// network. Colours and fonts come from the page's CSS classes.
/// </summary>
public static class ReportSvg
{
    private const double Width = 760;

    /// <summary>The most steps the earnings line draws (see <see cref="EarningsCurve.AtMost"/>).</summary>
    public const int MaxEarningsSteps = 800;
    private const double Left = 76, Right = 24, Top = 16, Bottom = 44;

    /// <summary>Horizontal bars: each row's available dollars in grey with the earned part over it in green.</summary>
    public static string EarningsBars(string id, IReadOnlyList<EarningsBar> rows)
    {
        const double labelWidth = 150, valueWidth = 190, rowHeight = 30, barHeight = 18;
        var barArea = Width - labelWidth - valueWidth;
        var height = Math.Max(1, rows.Count) * rowHeight + 8;
        var max = (double)Math.Max(1m, rows.Select(r => Math.Max(r.AvailableUsd, r.EarnedUsd)).DefaultIfEmpty(0m).Max());
        var svg = Open(id, height, "Earned and available dollars");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = 6 + i * rowHeight;
            var label = E(row.Label);
            var amounts = $"{Money.Display(row.EarnedUsd)} of {Money.Display(row.AvailableUsd)}";
            svg.Append($"""<text class="label" x="{Coord(labelWidth - 10)}" y="{Coord(y + 13)}" text-anchor="end">{label}</text>""");
            svg.Append($"""<rect class="available" x="{Coord(labelWidth)}" y="{Coord(y)}" width="{Coord((double)row.AvailableUsd / max * barArea)}" height="{Coord(barHeight)}"><title>{label}: {Money.Display(row.AvailableUsd)} available</title></rect>""");
            svg.Append($"""<rect class="earned" x="{Coord(labelWidth)}" y="{Coord(y)}" width="{Coord((double)row.EarnedUsd / max * barArea)}" height="{Coord(barHeight)}"><title>{label}: {Money.Display(row.EarnedUsd)} earned</title></rect>""");
            svg.Append($"""<text class="value" x="{Coord(labelWidth + barArea + 10)}" y="{Coord(y + 13)}">{E(amounts)}</text>""");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A step line of the running total against the time since the first attempt started.</summary>
    public static string CumulativeEarnings(string id, IReadOnlyList<EarningsPoint> points, DateTimeOffset? start, DateTimeOffset? end)
    {
        const double height = 280;
        var svg = Open(id, height, "Cumulative earnings over time");
        if (points.Count == 0 || start is null || end is null)
            return svg.Append(Note(height, "nothing earned yet")).Append("</svg>").ToString();

        var span = Math.Max(1e-3, (end.Value - start.Value).TotalSeconds);
        var yMax = NiceCeiling((double)points[^1].TotalUsd);
        var (plotWidth, plotHeight) = (Width - Left - Right, height - Top - Bottom);
        double X(double seconds) => Left + seconds / span * plotWidth;
        double Y(double usd) => Top + plotHeight - usd / yMax * plotHeight;

        for (var k = 0; k <= 5; k++)
        {
            var usd = yMax * k / 5;
            svg.Append($"""<line class="grid" x1="{Coord(Left)}" x2="{Coord(Width - Right)}" y1="{Coord(Y(usd))}" y2="{Coord(Y(usd))}"/>""");
            svg.Append($"""<text class="tick" x="{Coord(Left - 6)}" y="{Coord(Y(usd) + 4)}" text-anchor="end">{E(Money.Display((decimal)usd))}</text>""");
        }

        var xStep = NiceCeiling(span / 6);
        for (var s = 0.0; s <= span * (1 + 1e-9); s += xStep)
            svg.Append($"""<text class="tick" x="{Coord(X(s))}" y="{Coord(height - Bottom + 18)}" text-anchor="middle">{E(Duration(TimeSpan.FromSeconds(s)))}</text>""");
        svg.Append(Axes(height)).Append($"""<text class="tick" x="{Coord(Left + plotWidth / 2)}" y="{Coord(height - 6)}" text-anchor="middle">time since the first attempt started</text>""");

        // More steps than the chart's width only make a large sweep's report heavier, not its line finer.
        var path = new StringBuilder($"M{Coord(X(0))},{Coord(Y(0))}");
        foreach (var p in EarningsCurve.AtMost(points, MaxEarningsSteps))
            path.Append($" H{Coord(X(Seconds(p.At)))} V{Coord(Y((double)p.TotalUsd))}");
        path.Append($" H{Coord(X(span))}");
        svg.Append($"""<path class="line" d="{path}"/>""");

        // Markers name each passed task on hover; past a few hundred they would only blacken the line.
        if (points.Count <= 300)
            foreach (var p in points)
                svg.Append($"""<circle class="point" cx="{Coord(X(Seconds(p.At)))}" cy="{Coord(Y((double)p.TotalUsd))}" r="3"><title>{E($"{p.QuestionId}: {Money.Display(p.TotalUsd)} after {Duration(p.At - start.Value)}")}</title></circle>""");

        return svg.Append("</svg>").ToString();

        double Seconds(DateTimeOffset at) => Math.Clamp((at - start.Value).TotalSeconds, 0, span);
    }

    /// <summary>Vertical bars: how many attempts took each range of grading time.</summary>
    public static string Histogram(string id, DurationHistogram histogram)
    {
        const double height = 260;
        var svg = Open(id, height, "Grading time distribution");
        if (histogram.Buckets.Count == 0)
            return svg.Append(Note(height, "no attempts graded yet")).Append("</svg>").ToString();

        var yMax = Math.Max(5, NiceCeiling(histogram.Buckets.Max(b => b.Count)));
        var (plotWidth, plotHeight) = (Width - Left - Right, height - Top - Bottom);
        var barWidth = plotWidth / histogram.Buckets.Count;
        double Y(double count) => Top + plotHeight - count / yMax * plotHeight;

        for (var k = 0; k <= 5; k++)
        {
            var count = yMax * k / 5;
            svg.Append($"""<line class="grid" x1="{Coord(Left)}" x2="{Coord(Width - Right)}" y1="{Coord(Y(count))}" y2="{Coord(Y(count))}"/>""");
            svg.Append($"""<text class="tick" x="{Coord(Left - 6)}" y="{Coord(Y(count) + 4)}" text-anchor="end">{Coord(count)}</text>""");
        }

        for (var i = 0; i < histogram.Buckets.Count; i++)
        {
            var bucket = histogram.Buckets[i];
            var x = Left + i * barWidth;
            var range = $"{Duration(bucket.From)} – {Duration(bucket.To)}";
            svg.Append($"""<rect class="bucket" data-from-ms="{Coord(bucket.From.TotalMilliseconds)}" data-count="{bucket.Count}" x="{Coord(x + 1)}" y="{Coord(Y(bucket.Count))}" width="{Coord(barWidth - 2)}" height="{Coord(plotHeight - (Y(bucket.Count) - Top))}"><title>{E(range)}: {bucket.Count} attempt(s)</title></rect>""");
            if (bucket.Count > 0)
                svg.Append($"""<text class="count" x="{Coord(x + barWidth / 2)}" y="{Coord(Y(bucket.Count) - 4)}" text-anchor="middle">{bucket.Count}</text>""");
            // Every edge is labelled when there is room; otherwise every other one.
            if (histogram.Buckets.Count <= 8 || i % 2 == 0)
                svg.Append($"""<text class="tick" x="{Coord(x)}" y="{Coord(height - Bottom + 18)}" text-anchor="middle">{E(Duration(bucket.From))}</text>""");
        }

        var n = histogram.Buckets.Count;
        if (n <= 8 || n % 2 == 0)
            svg.Append($"""<text class="tick" x="{Coord(Left + plotWidth)}" y="{Coord(height - Bottom + 18)}" text-anchor="middle">{E(Duration(histogram.Buckets[^1].To))}</text>""");
        svg.Append(Axes(height)).Append($"""<text class="tick" x="{Coord(Left + plotWidth / 2)}" y="{Coord(height - 6)}" text-anchor="middle">grading time per attempt (bucket width {E(Duration(histogram.Buckets[0].To))})</text>""");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, double height, string title) =>
        new($"""<svg id="{E(id)}" class="chart" viewBox="0 0 {Coord(Width)} {Coord(height)}" role="img" aria-label="{E(title)}" xmlns="http://www.w3.org/2000/svg">""");

    private static string Axes(double height) =>
        $"""<line class="axis" x1="{Coord(Left)}" x2="{Coord(Left)}" y1="{Coord(Top)}" y2="{Coord(height - Bottom)}"/><line class="axis" x1="{Coord(Left)}" x2="{Coord(Width - Right)}" y1="{Coord(height - Bottom)}" y2="{Coord(height - Bottom)}"/>""";

    private static string Note(double height, string text) =>
        $"""<text class="note" x="{Coord(Width / 2)}" y="{Coord(height / 2)}" text-anchor="middle">{E(text)}</text>""";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
