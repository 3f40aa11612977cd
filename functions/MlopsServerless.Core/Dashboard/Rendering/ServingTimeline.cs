using System.Text;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>
/// Which version each alias pointed at when: a row per alias (champion first), a bar per holder from its move to the
/// next (the current holder up to now; the axis spans at least a minute), in the version's colour and labelled with it. Each bar carries
/// <c>data-alias</c>, <c>data-version</c>, <c>data-from</c> and <c>data-to</c>; its tooltip says who moved it and why.
/// </summary>
internal static class ServingTimeline
{
    const double Width = 640, LabelWidth = 110, Right = 16, RowHeight = 26, Top = 6;

    public static string Render(string model, IReadOnlyList<ServingSpan> spans, DateTimeOffset now)
    {
        string[] aliases = spans.Select(s => s.Alias).Distinct(StringComparer.Ordinal).ToArray();
        DateTimeOffset from = spans.Min(s => s.From);
        var time = new TimeScale(from, now > from.AddMinutes(1) ? now : from.AddMinutes(1), LabelWidth, Width - LabelWidth - Right);
        double height = Top + aliases.Length * RowHeight + 24;

        var svg = new StringBuilder();
        svg.Append("<figure class=\"chart timeline\" data-chart=\"serving\"><figcaption>Which version each alias served, over time</figcaption>");
        svg.Append($"<svg viewBox=\"0 0 {Width} {Markup.Coordinate(height)}\" role=\"img\" aria-label=\"Alias history of {Markup.Text(model)}\">");
        for (int a = 0; a < aliases.Length; a++)
        {
            double y = Top + a * RowHeight;
            svg.Append($"<text class=\"row-label\" x=\"{LabelWidth - 6}\" y=\"{Markup.Coordinate(y + RowHeight / 2)}\" text-anchor=\"end\" " +
                       $"dominant-baseline=\"middle\">{Markup.Text(aliases[a])}</text>");
            foreach (ServingSpan span in spans.Where(s => s.Alias == aliases[a]))
            {
                double left = time.X(span.From), right = time.X(span.To ?? time.To);
                double width = Math.Max(right - left, 2);
                svg.Append($"<g class=\"span{(span.To is null ? " current" : string.Empty)}\" data-alias=\"{Markup.Text(span.Alias)}\" data-version=\"{span.Version}\" " +
                           $"data-from=\"{Markup.IsoTime(span.From)}\" data-to=\"{(span.To is { } end ? Markup.IsoTime(end) : string.Empty)}\">");
                svg.Append($"<rect x=\"{Markup.Coordinate(left)}\" y=\"{Markup.Coordinate(y + 3)}\" width=\"{Markup.Coordinate(width)}\" height=\"{RowHeight - 6}\" " +
                           $"fill=\"{Palette.Version(span.Version)}\"><title>{Markup.Text(span.Alias)} → v{span.Version} from {Markup.Time(span.From)} UTC" +
                           $"{(span.To is { } until ? $" to {Markup.Time(until)} UTC" : " (now)")}, by {Markup.Text(span.MovedBy)}: {Markup.Text(span.Reason)}</title></rect>");
                if (width >= 24)
                {
                    svg.Append($"<text class=\"span-label\" x=\"{Markup.Coordinate(left + 4)}\" y=\"{Markup.Coordinate(y + RowHeight / 2)}\" " +
                               $"dominant-baseline=\"middle\">v{span.Version}</text>");
                }

                svg.Append("</g>");
            }
        }

        svg.Append(time.TickLabels(3, height - 6));

        return svg.Append("</svg></figure>").ToString();
    }
}
