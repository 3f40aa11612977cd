using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlopsServerless.Benchmarks.Serving;

/// <summary>
/// The batch yardstick: plain ML.NET on the champion's own zip, as someone who knows the demo's schema would write it.
/// <c>MLContext.Model.Load</c>, the rows as typed objects in <c>LoadFromEnumerable</c> (built once, not timed), then
/// repeatedly <c>Transform</c> and read every row's <c>PredictedLabel</c> and <c>Probability</c> through a cursor (or,
/// for reference, <c>CreateEnumerable</c>). No JSON, no HTTP, no log.
/// </summary>
public sealed class RawMlNetScoring
{
    readonly MLContext _ml = new(seed: 0);
    readonly ITransformer _model;
    readonly IReadOnlyList<CustomerRow> _rows;

    public RawMlNetScoring(byte[] modelZip, IReadOnlyList<IReadOnlyDictionary<string, object?>> requestRows)
    {
        using var zip = new MemoryStream(modelZip);
        _model = _ml.Model.Load(zip, out DataViewSchema inputSchema);
        _rows = requestRows.Select(CustomerRow.From).ToList();
        DataViewSchema expected = _ml.Data.LoadFromEnumerable(_rows).Schema;
        string Describe(DataViewSchema schema) => string.Join(", ", schema.Select(c => $"{c.Name}:{c.Type}").Order(StringComparer.Ordinal));
        if (Describe(inputSchema) != Describe(expected))
        {
            throw new InvalidOperationException($"The model's input schema ({Describe(inputSchema)}) is not the demo's ({Describe(expected)}).");
        }
    }

    public int Rows => _rows.Count;

    /// <summary>Each row's predicted label and probability, in order.</summary>
    public IReadOnlyList<(bool Label, float Probability)> Score()
    {
        var scored = new List<(bool, float)>(_rows.Count);
        ScoreOnce(_ml.Data.LoadFromEnumerable(_rows), (label, probability) => scored.Add((label, probability)));
        return scored;
    }

    /// <summary>Rows a second over <paramref name="duration"/> (after as long again of warm-up), on <paramref name="threads"/> threads at once.</summary>
    public double RowsPerSecond(int threads, TimeSpan duration, bool createEnumerable = false)
    {
        long Run(TimeSpan time)
        {
            long[] rows = new long[threads];
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
            {
                IDataView data = _ml.Data.LoadFromEnumerable(_rows);
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < time)
                {
                    rows[thread] += createEnumerable ? ScoreAsObjects(data) : ScoreOnce(data, static (_, _) => { });
                }
            });
            return rows.Sum();
        }

        Run(duration);
        var measured = Stopwatch.StartNew();
        long count = Run(duration);
        return count / measured.Elapsed.TotalSeconds;
    }

    int ScoreOnce(IDataView data, Action<bool, float> read)
    {
        IDataView scored = _model.Transform(data);
        using DataViewRowCursor cursor = scored.GetRowCursor([scored.Schema["PredictedLabel"], scored.Schema["Probability"]]);
        ValueGetter<bool> label = cursor.GetGetter<bool>(scored.Schema["PredictedLabel"]);
        ValueGetter<float> probability = cursor.GetGetter<float>(scored.Schema["Probability"]);
        int count = 0;
        bool l = false;
        float p = 0;
        while (cursor.MoveNext())
        {
            label(ref l);
            probability(ref p);
            read(l, p);
            count++;
        }

        return count;
    }

    int ScoreAsObjects(IDataView data) => _ml.Data.CreateEnumerable<ScoredRow>(_model.Transform(data), reuseRowObject: false).Count();

    /// <summary>A demo request row as the model reads it: numbers and booleans as Single (NaN when missing), the contract as text.</summary>
    public sealed class CustomerRow
    {
        [ColumnName("in.tenure_months")] public float TenureMonths { get; set; }
        [ColumnName("in.monthly_spend")] public float MonthlySpend { get; set; }
        [ColumnName("in.support_calls")] public float SupportCalls { get; set; }
        [ColumnName("in.usage_hours")] public float UsageHours { get; set; }
        [ColumnName("in.contract")] public string Contract { get; set; } = "";
        [ColumnName("in.paperless_billing")] public float PaperlessBilling { get; set; }

        public static CustomerRow From(IReadOnlyDictionary<string, object?> row) => new()
        {
            TenureMonths = Number(row["tenure_months"]),
            MonthlySpend = Number(row["monthly_spend"]),
            SupportCalls = Number(row["support_calls"]),
            UsageHours = Number(row["usage_hours"]),
            Contract = row["contract"] as string ?? "",
            PaperlessBilling = row["paperless_billing"] switch { "yes" => 1, "no" => 0, _ => float.NaN },
        };

        static float Number(object? value) => value is null ? float.NaN : (float)Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed class ScoredRow
    {
        public bool PredictedLabel { get; set; }
        public float Probability { get; set; }
    }
}
