using System.Globalization;
using System.Text;

namespace MlopsServerless.Benchmarks.TypedColumns;

/// <summary>
/// A deterministic synthetic CSV for issue 6's benchmark: 12 numeric columns (four with ~5% empty cells), 5 categorical
/// (3 to 50 categories; one with ~2% empty cells), 2 boolean (yes/no, true/false) and a binary 0/1 <c>label</c> that
/// depends on some of each, with noise. The same rows and seed always give the same bytes.
/// </summary>
public static class LargeDataset
{
    public const int DefaultRows = 1_000_000;
    public const int Seed = 7;
    public const string Label = "label";

    public enum Kind { Numeric, Categorical, Boolean }

    public sealed record Column(string Name, Kind Kind, bool HasMissing = false);

    /// <summary>The 19 feature columns in file order (the label is the 20th and last).</summary>
    public static IReadOnlyList<Column> Features { get; } =
    [
        new("age", Kind.Numeric), new("income", Kind.Numeric, HasMissing: true), new("balance", Kind.Numeric),
        new("tenure_days", Kind.Numeric), new("score_a", Kind.Numeric, HasMissing: true), new("score_b", Kind.Numeric),
        new("visits", Kind.Numeric), new("delta", Kind.Numeric, HasMissing: true), new("ratio", Kind.Numeric),
        new("temperature", Kind.Numeric), new("spend_30d", Kind.Numeric, HasMissing: true), new("noise", Kind.Numeric),
        new("segment", Kind.Categorical), new("region", Kind.Categorical, HasMissing: true), new("channel", Kind.Categorical),
        new("product", Kind.Categorical), new("city", Kind.Categorical),
        new("newsletter", Kind.Boolean), new("is_premium", Kind.Boolean),
    ];

    static readonly string[] Segments = ["retail", "business", "public"];
    static readonly string[] Regions = Names("region", 8);
    static readonly string[] Channels = Names("channel", 15);
    static readonly string[] Products = Names("product", 30);
    static readonly string[] Cities = Names("city", 50);

    /// <summary>The CSV in the temp folder, written once per row count (about 128 bytes a row).</summary>
    public static string EnsureFile(int rows) => GeneratedCsv.EnsureFile($"mlops-typed-columns-{rows}x20-seed{Seed}-v1.csv", Features.Select(f => f.Name).Append(Label), rows, Seed, WriteRow);

    static void WriteRow(Random r, StringBuilder line)
    {
        double age = Math.Round(18 + 72 * r.NextDouble());
        double income = Math.Exp(10.5 + 0.6 * GeneratedCsv.Gaussian(r));
        double balance = 2000 * GeneratedCsv.Gaussian(r) + 500;
        double tenure = Math.Floor(3650 * r.NextDouble());
        double scoreA = 50 + 15 * GeneratedCsv.Gaussian(r);
        double scoreB = 100 * r.NextDouble();
        double visits = Math.Floor(-Math.Log(1 - r.NextDouble()) * 6);
        double delta = 3 * GeneratedCsv.Gaussian(r);
        double ratio = r.NextDouble();
        double temperature = 12 + 9 * GeneratedCsv.Gaussian(r);
        double spend = Math.Exp(4 + GeneratedCsv.Gaussian(r));
        double noise = GeneratedCsv.Gaussian(r);
        int segment = r.Next(Segments.Length);
        int region = r.Next(Regions.Length);
        int channel = r.Next(Channels.Length);
        int product = (int)(Products.Length * Math.Pow(r.NextDouble(), 2));
        int city = r.Next(Cities.Length);
        bool newsletter = r.NextDouble() < 0.4;
        bool premium = r.NextDouble() < 0.15;

        double signal = 0.03 * (age - 50) + 0.8 * (Math.Log(income) - 10.5) + 0.0002 * balance - 0.0003 * tenure
            + 0.04 * (scoreA - 50) + 0.15 * (visits - 6) + 0.2 * delta - 0.02 * (temperature - 12)
            + (segment - 1) * 0.5 + (region % 3 - 1) * 0.4 + (product < 5 ? 0.6 : -0.1) + (newsletter ? 0.3 : 0) + (premium ? -0.7 : 0)
            + 1.2 * GeneratedCsv.Gaussian(r);
        bool label = signal > 0;

        GeneratedCsv.Number(line, age, "0", r, missingShare: 0);
        GeneratedCsv.Number(line, income, "0.00", r, missingShare: 0.05);
        GeneratedCsv.Number(line, balance, "0.00", r, missingShare: 0);
        GeneratedCsv.Number(line, tenure, "0", r, missingShare: 0);
        GeneratedCsv.Number(line, scoreA, "0.000", r, missingShare: 0.05);
        GeneratedCsv.Number(line, scoreB, "0.00", r, missingShare: 0);
        GeneratedCsv.Number(line, visits, "0", r, missingShare: 0);
        GeneratedCsv.Number(line, delta, "0.0000", r, missingShare: 0.06);
        GeneratedCsv.Number(line, ratio, "0.0000", r, missingShare: 0);
        GeneratedCsv.Number(line, temperature, "0.0", r, missingShare: 0);
        GeneratedCsv.Number(line, spend, "0.00", r, missingShare: 0.04);
        GeneratedCsv.Number(line, noise, "0.0000", r, missingShare: 0);
        line.Append(Segments[segment]).Append(',');
        line.Append(r.NextDouble() < 0.02 ? string.Empty : Regions[region]).Append(',');
        line.Append(Channels[channel]).Append(',');
        line.Append(Products[product]).Append(',');
        line.Append(Cities[city]).Append(',');
        line.Append(newsletter ? "yes" : "no").Append(',');
        line.Append(premium ? "true" : "false").Append(',');
        line.Append(label ? '1' : '0').Append('\n');
    }

    static string[] Names(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => $"{prefix}_{i.ToString("D2", CultureInfo.InvariantCulture)}").ToArray();
}
