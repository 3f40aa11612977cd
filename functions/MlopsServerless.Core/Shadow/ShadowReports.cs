using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Registry;

namespace MlopsServerless.Core.Shadow;

/// <summary>Builds the <see cref="ShadowSummary"/> of a model over the live-metrics window.</summary>
public sealed class ShadowReports(ShadowStore shadows, FeedbackStore feedback, ModelRegistry registry, IOptions<PredictionOptions> options,
    TimeProvider time)
{
    public async Task<ShadowSummary> SummariseAsync(string model, CancellationToken cancellationToken)
    {
        DateTimeOffset to = time.GetUtcNow();
        DateTimeOffset from = to.AddHours(-options.Value.LiveMetricsWindowHours);
        IReadOnlyList<ShadowRecord> records = await shadows.ReadAsync(model, from, to, cancellationToken);
        var labels = (await feedback.ReadAsync(model, from, to, cancellationToken)).ToDictionary(f => (f.RequestId, f.Row));
        var comparisons = new List<ShadowComparison>();
        foreach (IGrouping<int, ShadowRecord> challenger in records.GroupBy(r => r.ChallengerVersion).OrderBy(g => g.Key))
        {
            var championRows = new List<FeedbackRecord>();
            var challengerRows = new List<FeedbackRecord>();
            foreach (ShadowRecord record in challenger)
            {
                for (int row = 0; row < record.Rows; row++)
                {
                    if (labels.TryGetValue((record.RequestId, row), out FeedbackRecord? label))
                    {
                        championRows.Add(label);
                        challengerRows.Add(label with { Version = challenger.Key, Prediction = record.ChallengerPredictions[row] });
                    }
                }
            }

            var task = (await registry.GetVersionAsync(model, challenger.Key, cancellationToken))?.Spec.Task;
            int rows = challenger.Sum(r => r.Rows);
            comparisons.Add(new ShadowComparison(challenger.Key, challenger.Count(), rows,
                rows == 0 ? 0 : Math.Round(challenger.Sum(r => r.Agreements) / (double)rows, 6), championRows.Count,
                championRows.Count > 0 && task is { } t ? LiveMetrics.Compute(t, championRows) : null,
                challengerRows.Count > 0 && task is { } t2 ? LiveMetrics.Compute(t2, challengerRows) : null));
        }

        return new ShadowSummary(model, from, to, comparisons);
    }
}
