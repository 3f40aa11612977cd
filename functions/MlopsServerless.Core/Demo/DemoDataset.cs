using System.Globalization;
using System.Text;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Demo;

/// <summary>
/// Synthetic customer data with a known relationship between the features and the label, for the demo and the tests:
/// a customer id (an identifier, left out), four numeric features (<c>monthly_spend</c> has empty cells), a categorical
/// <c>contract</c>, a boolean <c>paperless_billing</c> written yes/no, and the label last, so the spec can be inferred.
/// <paramref name="Shift"/> moves the distributions (0 = as trained; 1 = clearly drifted, contracts included): of every
/// feature it moves, or only of <paramref name="ShiftedFeatures"/> when they are named.
/// </summary>
public sealed record DemoDataset(int Rows, int Seed, double Shift = 0, ModelTask Task = ModelTask.Binary, double MissingShare = 0.05,
    IReadOnlyList<string>? ShiftedFeatures = null)
{
    public const string IdColumn = "customer_id";

    public static IReadOnlyList<string> NumericFeatures { get; } = ["tenure_months", "monthly_spend", "support_calls", "usage_hours"];

    public static IReadOnlyList<string> FeatureNames { get; } = [.. NumericFeatures, "contract", "paperless_billing"];

    public static IReadOnlyList<string> Contracts { get; } = ["monthly", "annual", "two-year"];

    public string LabelName => Task switch
    {
        ModelTask.Binary => "churned",
        ModelTask.Regression => "lifetime_value",
        _ => "segment",
    };

    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', FileRows()[0].Keys));
        foreach (IReadOnlyDictionary<string, object?> row in FileRows())
        {
            csv.AppendLine(string.Join(',', row.Values.Select(Format)));
        }

        return csv.ToString();
    }

    /// <summary>Every row as it is in the file (id and label included), as JSON values: numbers, strings, null for an empty cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> FileRows()
    {
        var random = new Random(Seed);
        var rows = new List<IReadOnlyDictionary<string, object?>>(Rows);
        for (int i = 0; i < Rows; i++)
        {
            Customer c = NextCustomer(random);
            double signal = -0.06 * c.Tenure + 0.04 * (c.Spend ?? 55) + 0.7 * c.Calls - 0.05 * c.Usage
                + c.Contract switch { "monthly" => 0.8, "two-year" => -0.8, _ => 0 } + (c.Paperless ? 0.3 : 0) + Gaussian(random) * 0.5;
            object label = Task switch
            {
                ModelTask.Binary => signal > 0 ? 1 : 0,
                ModelTask.Regression => Math.Round(200 + 40 * signal, 2),
                _ => signal < -1 ? "loyal" : signal < 1 ? "steady" : "at-risk",
            };
            var row = new Dictionary<string, object?>
            {
                [IdColumn] = $"C{Seed:D3}-{i + 1:D6}",
                ["tenure_months"] = Math.Round(c.Tenure, 2),
                ["monthly_spend"] = c.Spend is { } spend ? Math.Round(spend, 2) : null,
                ["support_calls"] = c.Calls,
                ["usage_hours"] = Math.Round(c.Usage, 2),
                ["contract"] = c.Contract,
                ["paperless_billing"] = c.Paperless ? "yes" : "no",
                [LabelName] = label,
            };
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The rows as a prediction request would send them: features only, from the same distributions.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> RequestRows() =>
        FileRows().Select(row => (IReadOnlyDictionary<string, object?>)row.Where(p => FeatureNames.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value)).ToList();

    Customer NextCustomer(Random random)
    {
        double tenure = Math.Max(0, 24 + 14 * Gaussian(random) - 12 * ShiftOf("tenure_months"));
        double spend = Math.Max(5, 55 + 15 * Gaussian(random) + 25 * ShiftOf("monthly_spend"));
        double calls = Math.Max(0, Math.Round(2 + 1.5 * Gaussian(random) + 2 * ShiftOf("support_calls")));
        double usage = Math.Max(0, 30 + 10 * Gaussian(random) - 10 * ShiftOf("usage_hours"));
        double pick = random.NextDouble() + 0.5 * ShiftOf("contract");
        string contract = pick < 0.35 ? "two-year" : pick < 0.65 ? "annual" : "monthly";
        bool paperless = random.NextDouble() < 0.6;
        bool missing = random.NextDouble() < MissingShare;
        return new Customer(tenure, missing ? null : spend, calls, usage, contract, paperless);
    }

    double ShiftOf(string feature) => ShiftedFeatures is null || ShiftedFeatures.Contains(feature) ? Shift : 0;

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    sealed record Customer(double Tenure, double? Spend, double Calls, double Usage, string Contract, bool Paperless);
}
