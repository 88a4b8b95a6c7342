namespace SweLancer.Coordinator.Reports;

/// <summary>report.html's stylesheet, inlined so the page needs no other file.</summary>
public static class ReportCss
{
    public const string Text = """
        :root { --earned: #2e7d32; --available: #dfe3e8; --fail: #c62828; --error: #b26a00; --ink: #1f2328; --muted: #59636e; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1180px; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 0 0 6px; }
        section { margin-top: 28px; padding-top: 18px; border-top: 1px solid var(--line); }
        .meta, .hint, footer { color: var(--muted); }
        .hint { margin: 0 0 12px; }
        footer { margin-top: 36px; font-size: 12px; }
        .headline .earned { font-size: 34px; font-weight: 700; color: var(--earned); }
        .headline .of { font-size: 16px; color: var(--muted); }
        .meter { height: 10px; margin: 10px 0 18px; background: var(--available); border-radius: 5px; overflow: hidden; max-width: 720px; }
        .meter > div { height: 100%; background: var(--earned); }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 0 0 12px; }
        .cards > div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
        .cards dt { color: var(--muted); font-size: 12px; }
        .cards dd { margin: 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .cards .pass dd { color: var(--earned); }
        .cards .fail dd { color: var(--fail); }
        .cards .error dd { color: var(--error); }
        .warning { padding: 8px 12px; border-left: 4px solid var(--error); background: #fff6e5; }
        table { border-collapse: collapse; margin-top: 10px; }
        th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { font-size: 12px; color: var(--muted); font-weight: 600; }
        table.numbers td + td, table.numbers th + th { text-align: right; font-variant-numeric: tabular-nums; }
        table.problems { width: 100%; font-size: 13px; }
        td.time { white-space: nowrap; }
        td.id, td.node { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
        td.id { white-space: nowrap; }
        td.node { font-size: 11px; color: var(--muted); white-space: nowrap; }
        td.reason { overflow-wrap: anywhere; min-width: 220px; }
        td.artefacts { width: 180px; }
        td.artefacts a { display: block; margin-bottom: 6px; color: #0969da; text-decoration: none; overflow-wrap: anywhere; font-size: 12px; }
        td.artefacts img { display: block; max-width: 160px; max-height: 100px; border: 1px solid var(--line); margin-bottom: 2px; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; white-space: nowrap; color: #fff; }
        .badge.passed { background: var(--earned); }
        .badge.failed { background: var(--fail); }
        .badge.system_error { background: var(--error); }
        svg.chart { display: block; width: 100%; max-width: 760px; height: auto; font-size: 12px; }
        svg .label, svg .value, svg .count { fill: var(--ink); }
        svg .tick, svg .note { fill: var(--muted); }
        svg .available { fill: var(--available); }
        svg .earned, svg .bucket { fill: var(--earned); }
        svg .bucket { fill: #4f7cac; }
        svg .grid { stroke: #eef1f4; }
        svg .axis { stroke: #8c959f; }
        svg .line { fill: none; stroke: var(--earned); stroke-width: 2; }
        svg .point { fill: var(--earned); }
        """;
}
