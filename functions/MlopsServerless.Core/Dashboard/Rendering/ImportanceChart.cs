using System.Text;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>
/// Permutation importance per feature, one bar per version side by side (the newest versions, each in its version's
/// colour), features ordered by the newest version's importance. Each bar carries <c>data-feature</c>,
/// <c>data-version</c> and <c>data-importance</c>; a negative importance (shuffling helped) draws left of zero.
/// </summary>
internal static class ImportanceChart
{
    const double Width = 640, LabelWidth = 170, BarHeight = 9, RowGap = 8, Top = 8, ValueWidth = 60;
    const int LabelCharacters = 24;

    public static string Render(string model, IReadOnlyList<VersionView> versions)
    {
        VersionView[] shown = versions.Where(v => v.Importance.Count > 0).OrderByDescending(v => v.Version)
            .Take(DashboardLimits.MaxImportanceVersions).Reverse().ToArray();
        string[] features = shown.OrderByDescending(v => v.Version).SelectMany(v => v.Importance.OrderByDescending(i => i.Value).Select(i => i.Key))
            .Distinct(StringComparer.Ordinal).ToArray();
        double[] values = shown.SelectMany(v => v.Importance.Values).Where(double.IsFinite).ToArray();
        double low = Math.Min(0, values.DefaultIfEmpty(0).Min()), high = Math.Max(0, values.DefaultIfEmpty(0).Max());
        if (high - low <= 0)
        {
            high = low + 1;
        }

        double plot = Width - LabelWidth - ValueWidth;
        double X(double value) => LabelWidth + plot * (value - low) / (high - low);
        double rowHeight = shown.Length * BarHeight + RowGap;
        double height = Top + features.Length * rowHeight + 20;

        var svg = new StringBuilder();
        svg.Append("<figure class=\"chart importance\" data-chart=\"importance\"><figcaption>Permutation importance per feature " +
                   "(how much the primary metric worsens when the feature is shuffled), per version</figcaption>");
        svg.Append($"<svg viewBox=\"0 0 {Width} {Markup.Coordinate(height)}\" role=\"img\" aria-label=\"Feature importance of {Markup.Text(model)}\">");
        string zero = Markup.Coordinate(X(0));
        svg.Append($"<line class=\"axis\" x1=\"{zero}\" x2=\"{zero}\" y1=\"{Top - 4}\" y2=\"{Markup.Coordinate(height - 16)}\"/>");
        for (int f = 0; f < features.Length; f++)
        {
            string feature = features[f];
            double y = Top + f * rowHeight;
            string label = feature.Length > LabelCharacters ? feature[..(LabelCharacters - 1)] + "…" : feature;
            svg.Append($"<text class=\"row-label\" x=\"{LabelWidth - 6}\" y=\"{Markup.Coordinate(y + shown.Length * BarHeight / 2)}\" text-anchor=\"end\" " +
                       $"dominant-baseline=\"middle\"><title>{Markup.Text(feature)}</title>{Markup.Text(label)}</text>");
            for (int v = 0; v < shown.Length; v++)
            {
                if (!shown[v].Importance.TryGetValue(feature, out double importance) || !double.IsFinite(importance))
                {
                    continue;
                }

                double from = Math.Min(X(0), X(importance)), to = Math.Max(X(0), X(importance));
                svg.Append($"<rect class=\"bar\" x=\"{Markup.Coordinate(from)}\" y=\"{Markup.Coordinate(y + v * BarHeight)}\" " +
                           $"width=\"{Markup.Coordinate(Math.Max(to - from, 0.5))}\" height=\"{BarHeight - 1}\" fill=\"{Palette.Version(shown[v].Version)}\" " +
                           $"data-feature=\"{Markup.Text(feature)}\" data-version=\"{shown[v].Version}\" data-importance=\"{Markup.Data(importance)}\">" +
                           $"<title>{Markup.Text(feature)}, v{shown[v].Version}: {Markup.Number(importance, 4)}</title></rect>");
            }
        }

        svg.Append($"<text class=\"tick\" x=\"{Markup.Coordinate(X(low))}\" y=\"{Markup.Coordinate(height - 4)}\">{Markup.Number(low)}</text>");
        svg.Append($"<text class=\"tick\" x=\"{Markup.Coordinate(X(high))}\" y=\"{Markup.Coordinate(height - 4)}\" text-anchor=\"end\">{Markup.Number(high)}</text>");
        svg.Append("</svg><ul class=\"legend\">");
        foreach (VersionView version in shown)
        {
            svg.Append($"<li><span class=\"swatch\" style=\"background:{Palette.Version(version.Version)}\"></span>v{version.Version}</li>");
        }

        return svg.Append("</ul></figure>").ToString();
    }
}
