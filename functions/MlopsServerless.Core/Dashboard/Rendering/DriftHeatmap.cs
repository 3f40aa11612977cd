using System.Text;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>
/// Drift per feature over time as a heatmap: a row per feature (and one for the predictions), a column per drift window,
/// oldest first. A cell's colour is its severity, the decision value over its threshold (distance ÷ threshold; for tests,
/// threshold ÷ p), so every method turns red where it crosses its own threshold: green to yellow below, red and outlined
/// at or above (<c>class="cell drifted"</c>), grey without enough data. A line marks where the champion version changes. Each cell carries the feature, window, version,
/// method, statistic, p-value, threshold and verdict as data attributes and in its tooltip; the legend draws the threshold.
/// A dot over a window marks what the monitor did about it (an alert, a queued retrain: <see cref="DriftActionTaken"/>).
/// </summary>
internal static class DriftHeatmap
{
    public const string PredictionRow = "(predictions)";

    const double LabelWidth = 170, CellHeight = 22, HeaderHeight = 30, MinCell = 12, MaxCell = 44, PlotWidth = 600;
    const int LabelCharacters = 24;

    public static string Render(string model, IReadOnlyList<DriftWindow> windows)
    {
        string[] features = windows.Reverse().SelectMany(w => w.Features.Keys).Distinct(StringComparer.Ordinal).ToArray();
        bool predictions = windows.Any(w => w.Prediction is not null);
        string[] rows = predictions ? [.. features, PredictionRow] : features;
        double cell = Math.Clamp(PlotWidth / Math.Max(windows.Count, 1), MinCell, MaxCell);
        double width = LabelWidth + cell * windows.Count + 8;
        double height = HeaderHeight + CellHeight * rows.Length + 24;

        var svg = new StringBuilder();
        svg.Append($"<figure class=\"chart heatmap\" data-chart=\"drift-heatmap\"><figcaption>Drift per feature, per window " +
                   $"(columns oldest → newest; red: drifted by its method at its threshold)</figcaption>");
        svg.Append($"<svg viewBox=\"0 0 {Markup.Coordinate(width)} {Markup.Coordinate(height)}\" width=\"{Markup.Coordinate(width)}\" role=\"img\" " +
                   $"aria-label=\"Drift heatmap of {Markup.Text(model)}\">");
        for (int c = 0; c < windows.Count; c++)
        {
            DriftWindow window = windows[c];
            double x = LabelWidth + c * cell;
            if (c == 0 || windows[c - 1].Version != window.Version)
            {
                svg.Append($"<text class=\"version-mark\" x=\"{Markup.Coordinate(x + 1)}\" y=\"10\">v{window.Version}</text>");
                svg.Append($"<line class=\"version-change\" x1=\"{Markup.Coordinate(x)}\" x2=\"{Markup.Coordinate(x)}\" y1=\"0\" " +
                           $"y2=\"{Markup.Coordinate(height - 24)}\"/>");
            }

            string verdict = window.Status == DriftReportStatus.InsufficientData ? "insufficient" : window.DriftDetected ? "drifted" : "ok";
            svg.Append($"<rect class=\"window {verdict}\" x=\"{Markup.Coordinate(x + 1)}\" y=\"14\" width=\"{Markup.Coordinate(cell - 2)}\" height=\"{HeaderHeight - 18}\" " +
                       $"data-window-end=\"{Markup.IsoTime(window.WindowEnd)}\" data-version=\"{window.Version}\" data-samples=\"{window.SampleCount}\" " +
                       $"data-drift-detected=\"{Flag(window.DriftDetected)}\"><title>{Markup.Time(window.WindowStart)} – {Markup.Time(window.WindowEnd)} UTC, " +
                       $"v{window.Version}, {window.SampleCount} rows: {(verdict == "insufficient" ? "not enough data" : window.DriftDetected ? "drift detected" : "no drift")}</title></rect>");
            if (window.Action is { Kind: not DriftActionKind.None } action)
            {
                svg.Append($"<circle class=\"action{(action.Alerted ? " alerted" : string.Empty)}\" cx=\"{Markup.Coordinate(x + cell - 5)}\" cy=\"9\" r=\"3.5\" " +
                           $"data-window-end=\"{Markup.IsoTime(window.WindowEnd)}\" data-action=\"{action.Kind}\" data-run-id=\"{Markup.Text(action.RunId ?? string.Empty)}\">" +
                           $"<title>{action.Kind}: {Markup.Text(action.Reason)}</title></circle>");
            }
        }

        for (int r = 0; r < rows.Length; r++)
        {
            string row = rows[r];
            double y = HeaderHeight + r * CellHeight;
            string shown = row.Length > LabelCharacters ? row[..(LabelCharacters - 1)] + "…" : row;
            svg.Append($"<text class=\"row-label{(row == PredictionRow && predictions ? " prediction" : string.Empty)}\" x=\"{LabelWidth - 6}\" " +
                       $"y=\"{Markup.Coordinate(y + CellHeight / 2)}\" text-anchor=\"end\" dominant-baseline=\"middle\">" +
                       $"<title>{Markup.Text(row)}</title>{Markup.Text(shown)}</text>");
            for (int c = 0; c < windows.Count; c++)
            {
                FeatureDrift? drift = predictions && r == rows.Length - 1 ? windows[c].Prediction : windows[c].Features.GetValueOrDefault(row);
                if (drift is not null)
                {
                    svg.Append(Cell(row, windows[c], drift, LabelWidth + c * cell, y, cell));
                }
            }
        }

        svg.Append("</svg>").Append(Legend()).Append("</figure>");
        return svg.ToString();
    }

    /// <summary>The decision value over its threshold: ≥ 1 (a distance) or &gt; 1 (a test) is drift; 0 without a statistic.</summary>
    public static double Severity(FeatureDrift drift) => drift switch
    {
        { Status: not DriftReportStatus.Computed } => 0,
        { PValue: { } p } => drift.Threshold / Math.Max(p, 1e-12),
        { Statistic: { } statistic } when drift.Threshold > 0 => statistic / drift.Threshold,
        _ => 0,
    };

    /// <summary>The cell's fill: grey without data; light green (0) to yellow (just below 1) when not drifted; orange to dark red (20 × the threshold and beyond) when drifted.</summary>
    public static string Fill(FeatureDrift drift)
    {
        if (drift.Status != DriftReportStatus.Computed)
        {
            return "#d9d9d9";
        }

        double severity = Severity(drift);
        return drift.Drifted
            ? Blend((0xf4, 0xa5, 0x82), (0x99, 0x00, 0x0d), Math.Clamp(Math.Log10(Math.Max(severity, 1)) / Math.Log10(20), 0, 1))
            : Blend((0xe5, 0xf5, 0xe0), (0xfe, 0xe0, 0x8b), Math.Clamp(severity, 0, 1));
    }

    static string Cell(string row, DriftWindow window, FeatureDrift drift, double x, double y, double size)
    {
        string verdict = drift.Status != DriftReportStatus.Computed ? "insufficient" : drift.Drifted ? "drifted" : "ok";
        string decision = drift.Status != DriftReportStatus.Computed
            ? $"not enough data ({drift.ReferenceCount} reference, {drift.ObservedCount} served values)"
            : drift.PValue is { } p
                ? $"p = {Markup.Number(p, 4)} {(drift.Drifted ? "<" : "≥")} {Markup.Number(drift.Threshold)} (statistic {Markup.Number(drift.Statistic, 4)})"
                : $"{Markup.Number(drift.Statistic, 4)} {(drift.Drifted ? "≥" : "<")} {Markup.Number(drift.Threshold)}";
        return $"<rect class=\"cell {verdict}\" x=\"{Markup.Coordinate(x + 1)}\" y=\"{Markup.Coordinate(y + 1)}\" width=\"{Markup.Coordinate(size - 2)}\" " +
               $"height=\"{CellHeight - 2}\" fill=\"{Fill(drift)}\" data-feature=\"{Markup.Text(row)}\" data-window-end=\"{Markup.IsoTime(window.WindowEnd)}\" " +
               $"data-version=\"{window.Version}\" data-status=\"{drift.Status}\" data-method=\"{drift.Method.Name()}\" " +
               $"data-statistic=\"{Markup.Data(drift.Statistic)}\" data-p-value=\"{Markup.Data(drift.PValue)}\" data-threshold=\"{Markup.Data(drift.Threshold)}\" " +
               $"data-psi=\"{Markup.Data(drift.Psi)}\" data-drifted=\"{Flag(drift.Drifted)}\">" +
               $"<title>{Markup.Text(row)}, {Markup.Time(window.WindowEnd)} UTC (v{window.Version}): {drift.Method.Name()} {Markup.Text(decision)}" +
               $"{(drift.Status == DriftReportStatus.Computed ? drift.Drifted ? ": drifted" : ": no drift" : string.Empty)}; PSI {Markup.Number(drift.Psi)}" +
               $"{(drift.UnseenCategories is > 0 ? $"; {drift.UnseenCategories} unseen categories" : string.Empty)}</title></rect>";
    }

    /// <summary>The severity scale 0 … 20 × threshold (log above 1), with the threshold marked where green turns red.</summary>
    static string Legend()
    {
        const double left = 10, barWidth = 300, threshold = left + barWidth * 0.4;
        var svg = new StringBuilder("<svg class=\"heatmap-legend\" viewBox=\"0 0 460 44\" width=\"460\" role=\"img\" aria-label=\"Severity scale\">");
        for (int i = 0; i < 40; i++)
        {
            double at = i / 40.0;
            FeatureDrift sample = at < 0.4
                ? new FeatureDrift(default, DriftReportStatus.Computed, DriftMethod.Wasserstein, at / 0.4, null, 1, false, 0, 0, 0, 0, 0, null)
                : new FeatureDrift(default, DriftReportStatus.Computed, DriftMethod.Wasserstein, Math.Pow(20, (at - 0.4) / 0.6), null, 1, true, 0, 0, 0, 0, 0, null);
            svg.Append($"<rect x=\"{Markup.Coordinate(left + barWidth * at)}\" y=\"6\" width=\"{Markup.Coordinate(barWidth / 40 + 0.5)}\" height=\"14\" fill=\"{Fill(sample)}\"/>");
        }

        svg.Append($"<line class=\"threshold\" x1=\"{threshold}\" x2=\"{threshold}\" y1=\"2\" y2=\"24\"/>");
        svg.Append($"<text class=\"tick\" x=\"{left}\" y=\"36\">0</text>");
        svg.Append($"<text class=\"tick\" x=\"{threshold}\" y=\"36\" text-anchor=\"middle\">threshold</text>");
        svg.Append($"<text class=\"tick\" x=\"{left + barWidth}\" y=\"36\" text-anchor=\"end\">20×</text>");
        svg.Append($"<rect x=\"{left + barWidth + 24}\" y=\"6\" width=\"14\" height=\"14\" fill=\"#d9d9d9\"/>");
        svg.Append($"<text class=\"tick\" x=\"{left + barWidth + 42}\" y=\"17\">not enough data</text>");
        return svg.Append("</svg>").ToString();
    }

    static string Blend((int R, int G, int B) from, (int R, int G, int B) to, double at) =>
        $"#{Mix(from.R, to.R, at):x2}{Mix(from.G, to.G, at):x2}{Mix(from.B, to.B, at):x2}";

    static int Mix(int from, int to, double at) => (int)Math.Round(from + (to - from) * at);

    static string Flag(bool value) => value ? "true" : "false";
}
