using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MlopsServerless.Benchmarks.Monitoring;

/// <summary>
/// Issue 9's data: ten features, seven numeric and three categorical, and a binary label that depends on them.
/// <see cref="TrainingCsv"/> is what the champion learns from; <see cref="Requests"/> is served traffic in which
/// <see cref="ShiftedFeatures"/> have moved and the others have not.
/// </summary>
public static class DriftTraffic
{
    public static IReadOnlyList<string> NumericFeatures { get; } = ["n0", "n1", "n2", "n3", "n4", "n5", "n6"];

    public static IReadOnlyList<(string Name, string[] Categories)> CategoricalFeatures { get; } =
    [
        ("plan", ["basic", "plus", "pro", "team", "enterprise", "edu", "trial", "legacy"]),
        ("region", Enumerable.Range(0, 20).Select(i => $"r{i:D2}").ToArray()),
        ("channel", ["web", "store", "phone"]),
    ];

    /// <summary>Moved in the served traffic: two numeric features (mean and spread) and one category mix.</summary>
    public static IReadOnlyList<string> ShiftedFeatures { get; } = ["n0", "n1", "plan"];

    public static string TrainingCsv(int rows, int seed)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', [.. NumericFeatures, .. CategoricalFeatures.Select(c => c.Name), "label"]).Append('\n');
        var random = new Random(seed);
        for (int i = 0; i < rows; i++)
        {
            Row row = Next(random, shifted: false);
            csv.AppendJoin(',', row.Numbers.Select(n => n.ToString("0.####", CultureInfo.InvariantCulture)))
                .Append(',').AppendJoin(',', row.Categories).Append(',').Append(row.Label ? '1' : '0').Append('\n');
        }

        return csv.ToString();
    }

    /// <summary><paramref name="requests"/> batch bodies (JSON arrays) of <paramref name="rowsPerRequest"/> shifted rows each.</summary>
    public static IEnumerable<JsonElement> Requests(int requests, int rowsPerRequest, int seed)
    {
        var random = new Random(seed);
        var buffer = new MemoryStream();
        for (int r = 0; r < requests; r++)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (int i = 0; i < rowsPerRequest; i++)
                {
                    Row row = Next(random, shifted: true);
                    json.WriteStartObject();
                    for (int f = 0; f < NumericFeatures.Count; f++)
                    {
                        json.WriteNumber(NumericFeatures[f], Math.Round(row.Numbers[f], 4));
                    }

                    for (int c = 0; c < CategoricalFeatures.Count; c++)
                    {
                        json.WriteString(CategoricalFeatures[c].Name, row.Categories[c]);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            yield return JsonDocument.Parse(buffer.ToArray()).RootElement;
        }
    }

    sealed record Row(double[] Numbers, string[] Categories, bool Label);

    static Row Next(Random random, bool shifted)
    {
        double[] numbers = NumericFeatures.Select((_, f) => 10 * f + (2 + f) * GeneratedCsv.Gaussian(random)).ToArray();
        if (shifted)
        {
            numbers[0] += 3;
            numbers[1] = 10 + 3 * (numbers[1] - 10);
        }

        string[] categories = CategoricalFeatures.Select((c, i) =>
            c.Categories[shifted && c.Name == "plan" ? c.Categories.Length - 1 - Skewed(random, c.Categories.Length) : Skewed(random, c.Categories.Length)])
            .ToArray();
        double signal = 0.4 * GeneratedCsv.Gaussian(random) + 0.3 * numbers[0] - 0.2 * (numbers[1] - 10) + 0.05 * (numbers[2] - 20)
            + (categories[0] is "pro" or "team" ? 0.8 : 0) + (categories[2] == "phone" ? -0.5 : 0);
        return new Row(numbers, categories, signal > 0.5);
    }

    /// <summary>A category index where lower indexes are more common.</summary>
    static int Skewed(Random random, int count) => Math.Min(count - 1, (int)(count * random.NextDouble() * random.NextDouble()));
}
