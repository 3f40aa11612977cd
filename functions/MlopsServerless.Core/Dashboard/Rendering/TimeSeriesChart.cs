using System.Text;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>One point of a series: when, its value, what its tooltip says, and the version it belongs to (if any).</summary>
internal sealed record ChartPoint(DateTimeOffset At, double Value, string Label, int? Version = null);

/// <summary>A series of a time chart. <see cref="Kind"/> is its CSS class (its colour and dash); <see cref="Connect"/> draws a line through its points.</summary>
internal sealed record ChartSeries(string Name, string Kind, IReadOnlyList<ChartPoint> Points, bool Connect = true);

/// <summary>A horizontal line across the chart at <see cref="Value"/>: a threshold or a reference, labelled.</summary>
internal sealed record ReferenceLine(double Value, string Label, string Kind);

/// <summary>
/// A line chart over time, plain SVG: one polyline and one circle per point for each series (each circle carries
/// <c>data-series</c>, <c>data-at</c>, <c>data-value</c>, <c>data-version</c> and a tooltip), dashed reference lines,
/// a time axis and a value axis.
/// </summary>
internal static class TimeSeriesChart
{
    const double Width = 640, Height = 220, Left = 56, Right = 16, Top = 14, Bottom = 30;

    public static string Render(string chart, string title, string valueLabel, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<ReferenceLine> references)
    {
        ChartPoint[] points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Value)).ToArray();
        TimeScale time = TimeScale.Over(points.Select(p => p.At), Left, Width - Left - Right);
        (double low, double high) = Range(points.Select(p => p.Value).Concat(references.Select(r => r.Value)));
        double Y(double value) => Top + (Height - Top - Bottom) * (1 - (value - low) / (high - low));

        var svg = new StringBuilder();
        svg.Append($"<figure class=\"chart\" data-chart=\"{Markup.Text(chart)}\"><figcaption>{Markup.Text(title)}</figcaption>");
        svg.Append($"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Markup.Text(title)}\">");
        for (int i = 0; i <= 4; i++)
        {
            double value = low + (high - low) * i / 4;
            string y = Markup.Coordinate(Y(value));
            svg.Append($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\"/>");
            svg.Append($"<text class=\"tick\" x=\"{Left - 6}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\">{Markup.Number(value)}</text>");
        }

        svg.Append(time.TickLabels(3, Height - 10));

        svg.Append($"<text class=\"axis-label\" x=\"12\" y=\"{Markup.Coordinate(Top + (Height - Top - Bottom) / 2)}\" " +
                   $"transform=\"rotate(-90 12 {Markup.Coordinate(Top + (Height - Top - Bottom) / 2)})\" text-anchor=\"middle\">{Markup.Text(valueLabel)}</text>");
        foreach (ReferenceLine reference in references.Where(r => double.IsFinite(r.Value)))
        {
            string y = Markup.Coordinate(Y(reference.Value));
            svg.Append($"<g class=\"reference {Markup.Text(reference.Kind)}\" data-reference=\"{Markup.Text(reference.Label)}\" data-value=\"{Markup.Data(reference.Value)}\">");
            svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\"/>");
            svg.Append($"<text x=\"{Width - Right - 4}\" y=\"{y}\" dy=\"-4\" text-anchor=\"end\">{Markup.Text(reference.Label)} {Markup.Number(reference.Value)}</text></g>");
        }

        foreach (ChartSeries line in series)
        {
            ChartPoint[] drawn = line.Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.At).ToArray();
            svg.Append($"<g class=\"series {Markup.Text(line.Kind)}\" data-series=\"{Markup.Text(line.Name)}\">");
            if (line.Connect && drawn.Length > 1)
            {
                svg.Append("<polyline points=\"");
                svg.AppendJoin(' ', drawn.Select(p => $"{Markup.Coordinate(time.X(p.At))},{Markup.Coordinate(Y(p.Value))}"));
                svg.Append("\"/>");
            }

            foreach (ChartPoint point in drawn)
            {
                svg.Append($"<circle class=\"point\" cx=\"{Markup.Coordinate(time.X(point.At))}\" cy=\"{Markup.Coordinate(Y(point.Value))}\" r=\"4\" " +
                           $"data-series=\"{Markup.Text(line.Name)}\" data-at=\"{Markup.IsoTime(point.At)}\" data-value=\"{Markup.Data(point.Value)}\"" +
                           (point.Version is { } v ? $" data-version=\"{v}\"" : string.Empty) +
                           $"><title>{Markup.Text(point.Label)}</title></circle>");
            }

            svg.Append("</g>");
        }

        svg.Append("</svg><ul class=\"legend\">");
        foreach (ChartSeries line in series)
        {
            svg.Append($"<li class=\"{Markup.Text(line.Kind)}\"><span class=\"swatch\"></span>{Markup.Text(line.Name)}</li>");
        }

        foreach (ReferenceLine reference in references)
        {
            svg.Append($"<li class=\"reference {Markup.Text(reference.Kind)}\"><span class=\"swatch\"></span>{Markup.Text(reference.Label)}</li>");
        }

        return svg.Append("</ul></figure>").ToString();
    }

    /// <summary>The value axis: the data's range padded by a tenth (a single value: ± 5 % of it, or ± 0.05 around 0).</summary>
    static (double Low, double High) Range(IEnumerable<double> values)
    {
        double[] all = values.Where(double.IsFinite).ToArray();
        if (all.Length == 0)
        {
            return (0, 1);
        }

        double low = all.Min(), high = all.Max();
        double pad = high > low ? (high - low) * 0.1 : Math.Max(Math.Abs(high) * 0.05, 0.05);
        return (low - pad, high + pad);
    }
}
