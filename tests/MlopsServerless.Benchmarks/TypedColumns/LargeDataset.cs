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
    public static string EnsureFile(int rows)
    {
        string path = Path.Combine(Path.GetTempPath(), $"mlops-typed-columns-{rows}x20-seed{Seed}-v1.csv");
        if (!File.Exists(path))
        {
            string partial = path + ".partial";
            Write(partial, rows);
            File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    public static void Write(string path, int rows)
    {
        var random = new Random(Seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write(string.Join(',', Features.Select(f => f.Name).Append(Label)));
        writer.Write('\n');
        var line = new StringBuilder(256);
        for (int i = 0; i < rows; i++)
        {
            line.Clear();
            WriteRow(random, line);
            writer.Write(line);
        }
    }

    static void WriteRow(Random r, StringBuilder line)
    {
        double age = Math.Round(18 + 72 * r.NextDouble());
        double income = Math.Exp(10.5 + 0.6 * Gaussian(r));
        double balance = 2000 * Gaussian(r) + 500;
        double tenure = Math.Floor(3650 * r.NextDouble());
        double scoreA = 50 + 15 * Gaussian(r);
        double scoreB = 100 * r.NextDouble();
        double visits = Math.Floor(-Math.Log(1 - r.NextDouble()) * 6);
        double delta = 3 * Gaussian(r);
        double ratio = r.NextDouble();
        double temperature = 12 + 9 * Gaussian(r);
        double spend = Math.Exp(4 + Gaussian(r));
        double noise = Gaussian(r);
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
            + 1.2 * Gaussian(r);
        bool label = signal > 0;

        Number(line, age, "0", r, missingShare: 0);
        Number(line, income, "0.00", r, missingShare: 0.05);
        Number(line, balance, "0.00", r, missingShare: 0);
        Number(line, tenure, "0", r, missingShare: 0);
        Number(line, scoreA, "0.000", r, missingShare: 0.05);
        Number(line, scoreB, "0.00", r, missingShare: 0);
        Number(line, visits, "0", r, missingShare: 0);
        Number(line, delta, "0.0000", r, missingShare: 0.06);
        Number(line, ratio, "0.0000", r, missingShare: 0);
        Number(line, temperature, "0.0", r, missingShare: 0);
        Number(line, spend, "0.00", r, missingShare: 0.04);
        Number(line, noise, "0.0000", r, missingShare: 0);
        line.Append(Segments[segment]).Append(',');
        line.Append(r.NextDouble() < 0.02 ? string.Empty : Regions[region]).Append(',');
        line.Append(Channels[channel]).Append(',');
        line.Append(Products[product]).Append(',');
        line.Append(Cities[city]).Append(',');
        line.Append(newsletter ? "yes" : "no").Append(',');
        line.Append(premium ? "true" : "false").Append(',');
        line.Append(label ? '1' : '0').Append('\n');
    }

    static void Number(StringBuilder line, double value, string format, Random r, double missingShare)
    {
        if (missingShare == 0 || r.NextDouble() >= missingShare)
        {
            line.Append(value.ToString(format, CultureInfo.InvariantCulture));
        }

        line.Append(',');
    }

    static string[] Names(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => $"{prefix}_{i.ToString("D2", CultureInfo.InvariantCulture)}").ToArray();

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
