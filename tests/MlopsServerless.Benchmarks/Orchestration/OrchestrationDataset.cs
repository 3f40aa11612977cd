using System.Globalization;
using System.Text;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>
/// Issue 7's dataset: a deterministic CSV of 10 features and a binary 0/1 <c>label</c>: six numeric (two with ~5%
/// empty cells), two categorical (4 and 12 categories; one with ~3% empty cells) and two boolean (yes/no, true/false).
/// The label depends on most of them, with noise. The same rows and seed always give the same bytes.
/// </summary>
public static class OrchestrationDataset
{
    public const int DefaultRows = 100_000;
    public const int Seed = 11;
    public const int FeatureCount = 10;

    static readonly string[] Header =
        ["age", "income", "balance", "tenure_months", "score", "visits", "plan", "region", "autopay", "paperless", "label"];

    static readonly string[] Plans = ["basic", "standard", "premium", "enterprise"];
    static readonly string[] Regions = Enumerable.Range(1, 12).Select(i => $"region_{i:D2}").ToArray();

    /// <summary>The CSV in the temp folder, written once per row count (about 75 bytes a row).</summary>
    public static string EnsureFile(int rows) => GeneratedCsv.EnsureFile($"mlops-orchestration-{rows}x{FeatureCount}-seed{Seed}-v1.csv", Header, rows, Seed, WriteRow);

    static void WriteRow(Random r, StringBuilder line)
    {
        double age = Math.Round(18 + 72 * r.NextDouble());
        double income = Math.Exp(10.5 + 0.6 * GeneratedCsv.Gaussian(r));
        double balance = 2000 * GeneratedCsv.Gaussian(r) + 500;
        double tenure = Math.Floor(120 * r.NextDouble());
        double score = 50 + 15 * GeneratedCsv.Gaussian(r);
        double visits = Math.Floor(-Math.Log(1 - r.NextDouble()) * 6);
        int plan = (int)(Plans.Length * Math.Pow(r.NextDouble(), 1.5));
        int region = r.Next(Regions.Length);
        bool autopay = r.NextDouble() < 0.55;
        bool paperless = r.NextDouble() < 0.3;

        double signal = 0.03 * (age - 50) + 0.8 * (Math.Log(income) - 10.5) + 0.0002 * balance - 0.02 * (tenure - 60)
            + 0.04 * (score - 50) + 0.15 * (visits - 6) + (plan - 1.5) * 0.5 + (region % 4 - 1.5) * 0.3
            + (autopay ? -0.4 : 0.2) + (paperless ? 0.3 : 0) + 1.2 * GeneratedCsv.Gaussian(r);

        GeneratedCsv.Number(line, age, "0", r, missingShare: 0);
        GeneratedCsv.Number(line, income, "0.00", r, missingShare: 0.05);
        GeneratedCsv.Number(line, balance, "0.00", r, missingShare: 0);
        GeneratedCsv.Number(line, tenure, "0", r, missingShare: 0);
        GeneratedCsv.Number(line, score, "0.000", r, missingShare: 0.05);
        GeneratedCsv.Number(line, visits, "0", r, missingShare: 0);
        line.Append(Plans[plan]).Append(',');
        line.Append(r.NextDouble() < 0.03 ? string.Empty : Regions[region]).Append(',');
        line.Append(autopay ? "yes" : "no").Append(',');
        line.Append(paperless ? "true" : "false").Append(',');
        line.Append(signal > 0 ? '1' : '0').Append('\n');
    }
}
