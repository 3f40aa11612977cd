using System.Text;
using MlopsServerless.Core.Drift;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>One model's part of the page: a summary line, then each chart or table, or a sentence saying what is not there yet.</summary>
internal static class ModelSection
{
    public static string Render(ModelView model, DateTimeOffset now)
    {
        var html = new StringBuilder();
        html.Append($"<section class=\"model\" id=\"model-{Markup.Token(model.Model)}\" data-model=\"{Markup.Text(model.Model)}\">");
        html.Append($"<h2>{Markup.Text(model.Model)}</h2><p class=\"summary\">{Summary(model)}</p>");

        html.Append("<h3>Versions and their test metrics</h3>");
        if (model.Versions.Count == 0)
        {
            html.Append("<p class=\"empty\">No version registered yet.</p>");
        }
        else
        {
            html.Append(VersionMetricsChart(model)).Append(VersionsTable.Render(model.Versions, model.ChampionVersion));
        }

        html.Append("<h3>Which version served when</h3>").Append(model.Serving.Count == 0
            ? "<p class=\"empty\">No alias has pointed at a version yet.</p>"
            : ServingTimeline.Render(model.Model, model.Serving, now));

        html.Append("<h3>Drift per feature over time</h3>").Append(model.Drift.Count == 0
            ? "<p class=\"empty\">No drift report yet: the drift timer (or <code>POST /api/drift/run</code>) writes one per champion.</p>"
            : DriftHeatmap.Render(model.Model, model.Drift));

        html.Append("<h3>Performance over time</h3>").Append(model.Performance.Count == 0
            ? "<p class=\"empty\">No estimate or labels yet: binary classifiers get an estimated accuracy (CBPE) with each drift report; " +
              "labels sent to <code>/feedback</code> give live metrics.</p>"
            : PerformanceChart(model.Performance));

        html.Append("<h3>Feature importance per version</h3>").Append(model.Versions.Any(v => v.Importance.Count > 0)
            ? ImportanceChart.Render(model.Model, model.Versions)
            : "<p class=\"empty\">No version has importance recorded.</p>");

        html.Append("<h3>Recent runs</h3>").Append(model.Runs.Count == 0
            ? "<p class=\"empty\">No run recorded.</p>"
            : RunsTable.Render(model.Runs));
        return html.Append("</section>").ToString();
    }

    static string Summary(ModelView model)
    {
        var parts = new List<string>();
        if (model.Task is { } task)
        {
            parts.Add($"task: {task.ToString().ToLowerInvariant()}");
        }

        parts.Add(model.ChampionVersion is { } champion ? $"champion: v{champion}" : "no champion");
        parts.Add($"{model.Versions.Count} version{(model.Versions.Count == 1 ? string.Empty : "s")}");
        if (model.Drift.LastOrDefault() is { } latest)
        {
            string[] drifted = latest.Features.Where(f => f.Value.Drifted).Select(f => f.Key).Order(StringComparer.Ordinal).ToArray();
            parts.Add(latest.Status == DriftReportStatus.InsufficientData
                ? "latest drift window: not enough data"
                : latest.DriftDetected
                    ? $"latest drift window: <strong class=\"drifted\">drift</strong>{(drifted.Length > 0 ? " in " + string.Join(", ", drifted.Select(Markup.Text)) : " in the predictions")}"
                    : "latest drift window: no drift");
        }

        return string.Join(" · ", parts);
    }

    static string VersionMetricsChart(ModelView model)
    {
        var series = model.Versions.GroupBy(v => v.Metrics.PrimaryMetric, StringComparer.Ordinal)
            .Select(g => new ChartSeries($"{g.Key} (test rows)", "primary", g.Select(Point).ToList()))
            .ToList();
        if (model.Versions.FirstOrDefault(v => v.Version == model.ChampionVersion) is { } champion)
        {
            series.Add(new ChartSeries("champion now", "champion", [Point(champion)], Connect: false));
        }

        return TimeSeriesChart.Render("versions", "Primary metric of each version on its test rows, by registration time",
            string.Join(" / ", model.Versions.Select(v => v.Metrics.PrimaryMetric).Distinct(StringComparer.Ordinal)), series, []);

        static ChartPoint Point(VersionView v) => new(v.RegisteredAt, v.Metrics.PrimaryValue,
            $"v{v.Version} ({Markup.Time(v.RegisteredAt)} UTC): {v.Metrics.PrimaryMetric} {Markup.Number(v.Metrics.PrimaryValue, 4)}" +
            $"{(v.Aliases.Count > 0 ? " · " + string.Join(", ", v.Aliases) : string.Empty)}", v.Version);
    }

    static string PerformanceChart(IReadOnlyList<PerformancePoint> points)
    {
        string metric = points[^1].Metric;
        var series = new List<ChartSeries>
        {
            new("estimated without labels (CBPE)", "estimated", points.Where(p => p.Estimated is not null)
                .Select(p => new ChartPoint(p.WindowEnd, p.Estimated!.Value, $"{Markup.Time(p.WindowEnd)} UTC, v{p.Version}: estimated {metric} {Markup.Number(p.Estimated, 4)}", p.Version))
                .ToList()),
            new("live (labels from feedback)", "live", points.Where(p => p.Live is not null)
                .Select(p => new ChartPoint(p.WindowEnd, p.Live!.Value, $"{Markup.Time(p.WindowEnd)} UTC, v{p.Version}: live {metric} {Markup.Number(p.Live, 4)} over {p.LabelledRows} labels", p.Version))
                .ToList()),
            new("test rows of the version", "test", points.Where(p => p.Test is not null)
                .Select(p => new ChartPoint(p.WindowEnd, p.Test!.Value, $"v{p.Version}: {metric} on its test rows {Markup.Number(p.Test, 4)}", p.Version))
                .ToList()),
        };
        PerformancePoint[] judged = points.Where(p => p is { Estimated: not null, Test: not null, MaxDrop: not null }).ToArray();
        if (metric == "accuracy" && judged.Length > 0)
        {
            series.Add(new ChartSeries($"alert below (test − {Markup.Number(judged[^1].MaxDrop)})", "alert", judged
                .Select(p => new ChartPoint(p.WindowEnd, p.Test!.Value - p.MaxDrop!.Value,
                    $"v{p.Version}: an estimate below {Markup.Number(p.Test!.Value - p.MaxDrop!.Value, 4)} is a drop", p.Version))
                .ToList()));
        }

        return TimeSeriesChart.Render("performance", $"{metric}: estimated and live per drift window, against the test rows",
            metric, series.Where(s => s.Points.Count > 0).ToList(), []);
    }
}
