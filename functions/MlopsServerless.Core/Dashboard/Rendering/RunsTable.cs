using System.Text;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>
/// Recent runs, most recently updated first: outcome, when, the version registered, total seconds, and the steps' timings
/// as one stacked bar per run (all bars on one scale, the longest run's), with why a run ended as it did.
/// </summary>
internal static class RunsTable
{
    const double BarWidth = 220, BarHeight = 12;
    const int MessageCharacters = 240;

    public static string Render(IReadOnlyList<RunView> runs)
    {
        double longest = runs.Select(r => r.Seconds ?? 0).DefaultIfEmpty(0).Max();
        var html = new StringBuilder("<table class=\"runs\" data-table=\"runs\"><thead><tr><th>Run</th><th>Outcome</th><th>Updated (UTC)</th>" +
                                     "<th>Version</th><th>Seconds</th><th>Steps</th><th>Message</th></tr></thead><tbody>");
        foreach (RunView run in runs)
        {
            string message = run.Message is { Length: > MessageCharacters } text ? text[..MessageCharacters] + "…" : run.Message ?? string.Empty;
            html.Append($"<tr data-run=\"{Markup.Text(run.RunId)}\" data-status=\"{run.Status}\" data-seconds=\"{Markup.Data(run.Seconds)}\">");
            html.Append($"<td class=\"mono\">{Markup.Text(run.RunId)}</td><td><span class=\"badge status {Outcome(run.Status)}\">{run.Status}</span></td>");
            html.Append($"<td>{Markup.Time(run.UpdatedAt)}</td><td>{(run.Version is { } v ? $"v{v}" : "–")}</td><td class=\"number\">{Markup.Number(run.Seconds, 1)}</td>");
            html.Append($"<td>{Steps(run, longest)}</td><td class=\"message\" title=\"{Markup.Text(run.Message)}\">{Markup.Text(message)}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Green for a promoted version, amber for one kept out, red for a failure or rejection, grey for a duplicate, blue while it runs.</summary>
    static string Outcome(TrainingRunStatus status) => status switch
    {
        TrainingRunStatus.Promoted => "good",
        TrainingRunStatus.NotPromoted or TrainingRunStatus.Registered => "kept",
        TrainingRunStatus.Failed or TrainingRunStatus.Rejected => "bad",
        TrainingRunStatus.Duplicate => "neutral",
        _ => "running",
    };

    static string Steps(RunView run, double longest)
    {
        StepTiming[] timed = run.Steps.Where(s => s.Seconds is > 0).ToArray();
        if (timed.Length == 0 || longest <= 0)
        {
            return "–";
        }

        var svg = new StringBuilder($"<svg class=\"steps\" viewBox=\"0 0 {BarWidth} {BarHeight}\" width=\"{BarWidth}\" height=\"{BarHeight}\" role=\"img\" " +
                                    $"aria-label=\"Step timings of {Markup.Text(run.RunId)}\">");
        double x = 0;
        for (int i = 0; i < timed.Length; i++)
        {
            double width = BarWidth * timed[i].Seconds!.Value / longest;
            svg.Append($"<rect class=\"step s{i % 6}\" x=\"{Markup.Coordinate(x)}\" y=\"0\" width=\"{Markup.Coordinate(Math.Max(width, 0.5))}\" height=\"{BarHeight}\" " +
                       $"data-step=\"{Markup.Text(timed[i].Step)}\" data-seconds=\"{Markup.Data(timed[i].Seconds)}\">" +
                       $"<title>{Markup.Text(timed[i].Step)}: {Markup.Number(timed[i].Seconds, 2)} s</title></rect>");
            x += width;
        }

        return svg.Append("</svg>").ToString();
    }
}
