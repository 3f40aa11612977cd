using System.Text;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>
/// The whole dashboard as one HTML document: inline CSS, server-drawn SVG, no script, and a Content-Security-Policy that
/// lets it load nothing else; well-formed XML too (void elements closed, every data string encoded). A pure function of
/// the <see cref="DashboardView"/>.
/// </summary>
public static class DashboardPage
{
    public const string ContentType = "text/html; charset=utf-8";

    public static string Render(DashboardView view)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>");
        html.Append("<link rel=\"icon\" href=\"data:,\"/>");
        html.Append($"<title>{(view.Filter is { } filter ? Markup.Text(filter) + " · " : string.Empty)}MlopsServerless dashboard</title>");
        html.Append($"<style>{DashboardStyles.Css}</style></head><body><header><h1>MlopsServerless dashboard</h1>");
        html.Append($"<p class=\"meta\">As of {Markup.Time(view.GeneratedAt)} UTC. Per model: versions and their test metrics, which version " +
                    "served when, drift per feature over time, estimated and live performance, feature importance per version, recent runs. " +
                    "Hover a mark for its values.</p>");
        if (view.Models.Count > 1)
        {
            html.Append("<nav>");
            foreach (ModelView model in view.Models)
            {
                html.Append($"<a href=\"#model-{Markup.Token(model.Model)}\">{Markup.Text(model.Model)}</a>");
            }

            html.Append("</nav>");
        }

        html.Append("</header><main>");
        if (view.Models.Count == 0)
        {
            html.Append(view.Filter is { } unknown
                ? $"<p class=\"empty\" data-empty=\"model\">Nothing is known of model '{Markup.Text(unknown)}': upload training data to " +
                  $"<code>training-data/{Markup.Text(unknown)}/</code>.</p>"
                : "<p class=\"empty\" data-empty=\"registry\">No models yet: upload a labelled CSV to <code>training-data/{model}/</code> " +
                  "and its run, versions and drift show here.</p>");
        }

        foreach (ModelView model in view.Models)
        {
            html.Append(ModelSection.Render(model, view.GeneratedAt));
        }

        if (view.OmittedModels > 0)
        {
            html.Append($"<p class=\"empty\">{view.OmittedModels} more model(s) not shown (at most {DashboardLimits.MaxModels} a page): " +
                        "open one with <code>?model=</code>.</p>");
        }

        return html.Append("</main></body></html>").ToString();
    }
}
