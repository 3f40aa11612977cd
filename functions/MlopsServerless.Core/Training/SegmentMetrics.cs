using Microsoft.ML;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>A model's metrics on the rows of one segment (one value of a segment column).</summary>
public sealed record SegmentMetrics(string Column, string Value, ModelMetrics Metrics)
{
    public const int MinRows = 10;

    public string Name => $"{Column}={Value}";

    /// <summary>Metrics per value of each segment column (a feature of the spec), on the given rows; values with fewer than <see cref="MinRows"/> rows are skipped.</summary>
    public static IReadOnlyList<SegmentMetrics> Compute(ITransformer model, PreparedDataset dataset, IReadOnlyList<int> rows,
        IReadOnlyList<string> segmentColumns, ModelEvaluator evaluator)
    {
        var segments = new List<SegmentMetrics>();
        foreach (string column in segmentColumns)
        {
            int f = dataset.Features.ToList().FindIndex(d => d.Column.Name.Equals(column, StringComparison.OrdinalIgnoreCase));
            if (f < 0)
            {
                continue;
            }

            foreach (IGrouping<string, int> group in rows.GroupBy(r => Describe(dataset.Features[f][r])).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (group.Count() >= MinRows)
                {
                    segments.Add(new SegmentMetrics(dataset.Features[f].Column.Name, group.Key, evaluator.Evaluate(model, dataset, group.ToList())));
                }
            }
        }

        return segments;
    }

    static string Describe(FeatureValue value) => value.Category ?? (float.IsNaN(value.Number) ? "(missing)"
        : value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
