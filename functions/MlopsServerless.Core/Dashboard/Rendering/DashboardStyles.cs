namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>The page's one stylesheet, inline: the page fetches nothing.</summary>
internal static class DashboardStyles
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --drift: #b2182b; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #f6f8fa; }
        header, main { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
        header { padding-top: 18px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 0 0 4px; }
        h3 { font-size: 15px; margin: 22px 0 6px; color: var(--muted); }
        nav a { margin-right: 12px; }
        .meta, .summary, .empty { color: var(--muted); }
        .model { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 18px 0; }
        .chart { margin: 0; }
        .chart > svg { width: 100%; max-width: 760px; }
        .heatmap > svg { width: auto; max-width: 100%; }
        figcaption { font-size: 12px; color: var(--muted); margin-bottom: 2px; }
        svg { max-width: 100%; height: auto; font-size: 10px; }
        svg text { fill: var(--ink); }
        .tick { fill: var(--muted); font-size: 10px; }
        .axis-label { font-size: 11px; fill: var(--muted); }
        .grid { stroke: #eef1f4; }
        .axis { stroke: var(--muted); }
        .series polyline { fill: none; stroke-width: 2; }
        .series.primary polyline { stroke: #0072b2; } .series.primary circle { fill: #0072b2; }
        .series.champion circle { fill: #fff; stroke: #d55e00; stroke-width: 3; r: 7; }
        .series.estimated polyline { stroke: #e69f00; } .series.estimated circle { fill: #e69f00; }
        .series.live polyline { stroke: #009e73; } .series.live circle { fill: #009e73; }
        .series.test polyline { stroke: #59636e; stroke-dasharray: 5 4; } .series.test circle { fill: #59636e; r: 3; }
        .series.alert polyline { stroke: var(--drift); stroke-dasharray: 2 3; } .series.alert circle { fill: var(--drift); r: 2; }
        .reference line { stroke: var(--drift); stroke-dasharray: 6 4; }
        .reference text { fill: var(--drift); font-size: 10px; }
        .legend { list-style: none; padding: 0; margin: 2px 0 0; display: flex; flex-wrap: wrap; gap: 14px; font-size: 12px; color: var(--muted); }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
        .legend .primary .swatch { background: #0072b2; } .legend .champion .swatch { background: #fff; border: 2px solid #d55e00; }
        .legend .estimated .swatch { background: #e69f00; } .legend .live .swatch { background: #009e73; }
        .legend .test .swatch { background: #59636e; } .legend .alert .swatch { background: var(--drift); }
        .heatmap .cell.drifted { stroke: #67000d; stroke-width: 1.5; }
        .heatmap .cell.insufficient { stroke: #bdbdbd; stroke-dasharray: 2 2; }
        .heatmap .window { fill: #e5f5e0; } .heatmap .window.drifted { fill: var(--drift); } .heatmap .window.insufficient { fill: #d9d9d9; }
        .heatmap .version-mark { font-size: 9px; fill: var(--muted); }
        .heatmap .action { fill: var(--muted); } .heatmap .action.alerted { fill: var(--drift); stroke: #000; stroke-width: 0.5; }
        .heatmap .version-change { stroke: var(--ink); stroke-width: 1; }
        .heatmap .row-label.prediction { font-style: italic; }
        .heatmap-legend .threshold { stroke: var(--ink); stroke-width: 2; }
        .timeline .span rect { opacity: 0.85; } .timeline .span.current rect { opacity: 1; stroke: var(--ink); stroke-width: 1; }
        .span-label { fill: #fff !important; font-weight: 600; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 6px; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; }
        th { color: var(--muted); font-weight: 600; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.primary { font-weight: 600; }
        tr.champion { background: #fff8e6; } tr.archived { color: var(--muted); }
        .mono { font-family: ui-monospace, monospace; font-size: 12px; }
        .message { max-width: 320px; overflow-wrap: anywhere; color: var(--muted); }
        .badge, .tag { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; background: #eef1f4; }
        .badge.champion { background: #d55e00; color: #fff; }
        .badge.status.good { background: #dafbe1; } .badge.status.kept { background: #fff8c5; } .badge.status.bad { background: #ffebe9; }
        .badge.status.running { background: #ddf4ff; }
        .fit.overfitting, .fit.underfitting { color: var(--drift); }
        .steps .step.s0 { fill: #0072b2; } .steps .step.s1 { fill: #56b4e9; } .steps .step.s2 { fill: #009e73; }
        .steps .step.s3 { fill: #e69f00; } .steps .step.s4 { fill: #cc79a7; } .steps .step.s5 { fill: #d55e00; }
        strong.drifted { color: var(--drift); }
        """;
}
