using System.Globalization;
using System.Text;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Demo;

/// <summary>
/// Synthetic customer data with a known relationship between four numeric features and the label, for the demo and
/// the tests. <paramref name="Shift"/> moves the feature distributions (0 = as trained; 1 = clearly drifted).
/// The label column is last, so the spec can be inferred.
/// </summary>
public sealed record DemoDataset(int Rows, int Seed, double Shift = 0, ModelTask Task = ModelTask.Binary)
{
    public static IReadOnlyList<string> FeatureNames { get; } = ["tenure_months", "monthly_spend", "support_calls", "usage_hours"];

    public string LabelName => Task switch
    {
        ModelTask.Binary => "churned",
        ModelTask.Regression => "lifetime_value",
        _ => "segment",
    };

    public string ToCsv()
    {
        var random = new Random(Seed);
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', FeatureNames.Append(LabelName)));
        foreach (double[] row in FeatureRows(random, Rows))
        {
            double signal = -0.06 * row[0] + 0.04 * row[1] + 0.7 * row[2] - 0.05 * row[3] + Gaussian(random) * 0.5;
            string label = Task switch
            {
                ModelTask.Binary => signal > 0 ? "1" : "0",
                ModelTask.Regression => Format(200 + 40 * signal),
                _ => signal < -1 ? "loyal" : signal < 1 ? "steady" : "at-risk",
            };
            csv.AppendLine(string.Join(',', row.Select(Format).Append(label)));
        }

        return csv.ToString();
    }

    /// <summary>Feature rows as a prediction request would send them (no label), from the same distributions.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> RequestRows() =>
        FeatureRows(new Random(Seed), Rows)
            .Select(row => (IReadOnlyDictionary<string, double>)FeatureNames.Zip(row).ToDictionary(p => p.First, p => Math.Round(p.Second, 2)))
            .ToList();

    IEnumerable<double[]> FeatureRows(Random random, int count)
    {
        for (int i = 0; i < count; i++)
        {
            double tenure = Math.Max(0, 24 + 14 * Gaussian(random) - 12 * Shift);
            double spend = Math.Max(5, 55 + 15 * Gaussian(random) + 25 * Shift);
            double calls = Math.Max(0, Math.Round(2 + 1.5 * Gaussian(random) + 2 * Shift));
            double usage = Math.Max(0, 30 + 10 * Gaussian(random) - 10 * Shift);
            yield return [tenure, spend, calls, usage];
        }
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    static string Format(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
