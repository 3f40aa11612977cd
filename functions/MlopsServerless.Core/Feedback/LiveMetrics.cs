using System.Globalization;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Feedback;

/// <summary>
/// A version's quality on live traffic: metrics over the served rows whose true labels came back in a window, beside its
/// test metrics. Binary: accuracy and (with both classes) AUC; multiclass: accuracy; regression: RMSE and MAE.
/// </summary>
public sealed record LiveMetrics(int Version, DateTimeOffset From, DateTimeOffset To, int LabelledRows,
    IReadOnlyDictionary<string, double> Values, ModelMetrics TestMetrics)
{
    public static IReadOnlyDictionary<string, double> Compute(ModelTask task, IReadOnlyList<FeedbackRecord> records)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (records.Count == 0)
        {
            return values;
        }

        switch (task)
        {
            case ModelTask.Binary:
                values["accuracy"] = records.Count(r => (r.Label == "true") == r.Prediction.PredictedLabel) / (double)records.Count;
                if (records.Select(r => r.Label).Distinct().Count() == 2)
                {
                    values["auc"] = Auc(records.Select(r => (r.Label == "true", r.Prediction.Probability ?? 0)).ToList());
                }

                break;
            case ModelTask.Multiclass:
                values["accuracy"] = records.Count(r => r.Label == r.Prediction.PredictedClass) / (double)records.Count;
                break;
            case ModelTask.Regression:
                double[] errors = records.Select(r => double.Parse(r.Label, CultureInfo.InvariantCulture) - (r.Prediction.Value ?? double.NaN)).ToArray();
                values["rmse"] = Math.Sqrt(errors.Average(e => e * e));
                values["mae"] = errors.Average(Math.Abs);
                break;
        }

        return values.ToDictionary(v => v.Key, v => Math.Round(v.Value, 6));
    }

    /// <summary>AUC as the Mann–Whitney statistic: the chance a positive scores above a negative, ties counting half.</summary>
    static double Auc(IReadOnlyList<(bool Positive, double Score)> scored)
    {
        var ranked = scored.OrderBy(s => s.Score).ToList();
        double positiveRankSum = 0;
        for (int i = 0; i < ranked.Count;)
        {
            int j = i;
            while (j < ranked.Count && ranked[j].Score == ranked[i].Score)
            {
                j++;
            }

            double averageRank = (i + 1 + j) / 2.0;
            positiveRankSum += averageRank * ranked.Skip(i).Take(j - i).Count(s => s.Positive);
            i = j;
        }

        int positives = scored.Count(s => s.Positive);
        int negatives = scored.Count - positives;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
