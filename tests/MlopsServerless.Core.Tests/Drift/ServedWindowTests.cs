using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Tests.Drift;

/// <summary>A drift window's columns are filled entry by entry, by feature name, whatever order each entry logged them in.</summary>
public sealed class ServedWindowTests
{
    static readonly DateTimeOffset ServedAt = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_ColumnsByName_PredictionsInOrder_SamplesCounted()
    {
        PredictionLogEntry first = Entry(["tenure", "plan"], [[FeatureValue.Of(1f), FeatureValue.Of("basic")], [FeatureValue.Of(2f), FeatureValue.Missing]]);
        PredictionLogEntry reordered = Entry(["plan", "tenure", "extra"], [[FeatureValue.Of("pro"), FeatureValue.Of(3f), FeatureValue.Of(9f)]]);
        PredictionLogEntry withoutPlan = Entry(["tenure"], [[FeatureValue.Of(4f)]]);

        ServedWindow window = ServedWindow.Of(["tenure", "plan"], [first, reordered, withoutPlan]);

        Assert.Equal(4, window.Samples);
        Assert.Equal([1f, 2f, 3f, 4f], window.Column("tenure").Select(v => v.Number));
        Assert.Equal(["basic", null, "pro"], window.Column("plan").Select(v => v.Category));
        Assert.Empty(window.Column("extra"));
        Assert.Equal([.. first.Outputs, .. reordered.Outputs, .. withoutPlan.Outputs], window.Outputs);
    }

    [Fact]
    public void Add_KeepsOneStringPerCategory_AndOnlyWhatDriftReadsOfAPrediction()
    {
        PredictionLogEntry[] entries = [.. Enumerable.Range(0, 3).Select(_ => Entry(["plan"], [[FeatureValue.Of(new string("basic".ToCharArray()))]]) with
        {
            Outputs = [new Prediction { PredictedClass = "a", ClassScores = new Dictionary<string, double> { ["a"] = 1 }, Region = new(0.9, null, null, ["a"]) }],
        })];

        ServedWindow window = ServedWindow.Of(["plan"], entries);

        Assert.Same(window.Column("plan")[0].Category, window.Column("plan")[2].Category);
        Assert.All(window.Outputs, p => Assert.Equal(new Prediction { PredictedClass = "a" }, p));
    }

    static PredictionLogEntry Entry(string[] features, FeatureValue[][] rows) => new(PredictionRequestId.New(ServedAt), "m", 1, ServedAt, features, rows,
        rows.Select((_, i) => new Prediction { PredictedLabel = i % 2 == 0, Probability = 0.25 * i }).ToList());
}
