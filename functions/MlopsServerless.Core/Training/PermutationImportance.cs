using Microsoft.ML;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// Permutation feature importance per original column (not per one-hot slot): how much the primary metric worsens when
/// one feature's values are shuffled among the scored rows, the others left as they are. Larger is more important;
/// near zero (or below) means the model does not rely on it. Deterministic for a seed.
/// </summary>
public static class PermutationImportance
{
    public const int MaxRows = 5000;

    public static IReadOnlyDictionary<string, double> Compute(ITransformer model, PreparedDataset dataset, IReadOnlyList<int> rows,
        ModelEvaluator evaluator, int seed)
    {
        IReadOnlyList<int> scored = rows.Count <= MaxRows ? rows : rows.Take(MaxRows).ToList();
        ModelMetrics baseline = evaluator.Evaluate(model, dataset, scored);
        var importance = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int f = 0; f < dataset.Features.Count; f++)
        {
            int[] shuffled = scored.ToArray();
            new Random(seed + f).Shuffle(shuffled);
            PreparedDataset permuted = dataset with { Features = dataset.Features.Select((data, i) => i == f ? Permute(data, scored, shuffled) : data).ToList() };
            ModelMetrics metrics = evaluator.Evaluate(model, permuted, scored);
            double drop = baseline.HigherIsBetter ? baseline.PrimaryValue - metrics.PrimaryValue : metrics.PrimaryValue - baseline.PrimaryValue;
            importance[dataset.Features[f].Column.Name] = Math.Round(double.IsFinite(drop) ? drop : 0, 6);
        }

        return importance;
    }

    /// <summary>The column with the value of row <c>rows[i]</c> taken from row <c>shuffled[i]</c>.</summary>
    static FeatureData Permute(FeatureData data, IReadOnlyList<int> rows, int[] shuffled)
    {
        switch (data)
        {
            case FeatureData.Numbers numbers:
            {
                float[] values = (float[])numbers.Values.Clone();
                for (int i = 0; i < rows.Count; i++)
                {
                    values[rows[i]] = numbers.Values[shuffled[i]];
                }

                return numbers with { Values = values };
            }

            case FeatureData.Categories categories:
            {
                int[] codes = (int[])categories.Codes.Clone();
                for (int i = 0; i < rows.Count; i++)
                {
                    codes[rows[i]] = categories.Codes[shuffled[i]];
                }

                return categories with { Codes = codes };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(data));
        }
    }
}
