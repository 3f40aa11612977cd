using System.Text;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>Every version, newest first: when, trainer, its test metrics, the aliases holding it, fit verdict, archived, tags.</summary>
internal static class VersionsTable
{
    public static string Render(IReadOnlyList<VersionView> versions, int? champion)
    {
        string[] metrics = versions.SelectMany(v => v.Metrics.Values.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var html = new StringBuilder("<table class=\"versions\" data-table=\"versions\"><thead><tr><th>Version</th><th>Registered (UTC)</th><th>Trainer</th>");
        foreach (string metric in metrics)
        {
            html.Append($"<th>{Markup.Text(metric)}</th>");
        }

        html.Append("<th>Aliases</th><th>Fit</th><th>Tags</th></tr></thead><tbody>");
        foreach (VersionView version in versions.OrderByDescending(v => v.Version))
        {
            bool isChampion = version.Version == champion;
            html.Append($"<tr data-version=\"{version.Version}\" data-champion=\"{(isChampion ? "true" : "false")}\"" +
                        $"{(version.Archived ? " class=\"archived\"" : isChampion ? " class=\"champion\"" : string.Empty)}>");
            html.Append($"<td><span class=\"swatch\" style=\"background:{Palette.Version(version.Version)}\"></span>v{version.Version}" +
                        $"{(version.Archived ? " <span class=\"badge archived\">archived</span>" : string.Empty)}</td>");
            html.Append($"<td>{Markup.Time(version.RegisteredAt)}</td><td>{Markup.Text(version.Trainer)}</td>");
            foreach (string metric in metrics)
            {
                bool primary = metric == version.Metrics.PrimaryMetric;
                html.Append($"<td class=\"number{(primary ? " primary" : string.Empty)}\">" +
                            $"{(version.Metrics.Values.TryGetValue(metric, out double value) ? Markup.Number(value, 4) : "–")}</td>");
            }

            html.Append("<td>");
            foreach (string alias in version.Aliases)
            {
                html.Append($"<span class=\"badge alias{(alias == "champion" ? " champion" : string.Empty)}\">{Markup.Text(alias)}</span> ");
            }

            html.Append($"</td><td class=\"fit {Markup.Token(version.Fit.ToString())}\">{version.Fit}</td><td>");
            foreach ((string key, string value) in version.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                html.Append($"<span class=\"tag\">{Markup.Text(key)}={Markup.Text(value)}</span> ");
            }

            html.Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
