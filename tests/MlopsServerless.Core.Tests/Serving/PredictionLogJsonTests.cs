using System.Text;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>The log line writer writes exactly what the storage serializer writes, for every kind of prediction.</summary>
public sealed class PredictionLogJsonTests
{
    static readonly DateTimeOffset ServedAt = new(2026, 11, 26, 12, 30, 15, 123, TimeSpan.Zero);

    public static TheoryData<string, Prediction> Predictions => new()
    {
        { "binary with a prediction set", new Prediction { PredictedLabel = true, Probability = 0.8125, Region = new PredictionRegion(0.9, null, null, ["true"]) } },
        { "binary, empty set", new Prediction { PredictedLabel = false, Probability = 1e-9, Region = new PredictionRegion(0.9, null, null, []) } },
        { "binary, not a number", new Prediction { PredictedLabel = false, Probability = double.NaN } },
        { "regression with an interval", new Prediction { Value = -12.375, Region = new PredictionRegion(0.95, -20.5, double.PositiveInfinity, null) } },
        { "regression", new Prediction { Value = 3.0000000000000004 } },
        { "multiclass", new Prediction
        {
            PredictedClass = "gold \"plus\"", ClassScores = new Dictionary<string, double> { ["gold \"plus\""] = 0.7, ["silver"] = 0.2, ["bronze/ü"] = 0.1 },
            Region = new PredictionRegion(0.9, null, null, ["gold \"plus\"", "silver"]),
        } },
    };

    [Theory]
    [MemberData(nameof(Predictions))]
    public void Serialize_WritesWhatTheStorageSerializerWrites(string kind, Prediction prediction)
    {
        var entry = new PredictionLogEntry(PredictionRequestId.New(ServedAt), "churn-<demo>", 3, ServedAt, ["tenure", "plan", "note"],
            [[FeatureValue.Of(2.5f), FeatureValue.Of("basic"), FeatureValue.Missing], [FeatureValue.Of(-0.1f), FeatureValue.Missing, FeatureValue.Of("é & <b>")]],
            [prediction, prediction with { }]);

        string written = Encoding.UTF8.GetString(new PredictionLogJson().Serialize(entry));

        Assert.True(StorageJson.Serialize(entry) == written, kind);
        Assert.Equal(written, StorageJson.Serialize(StorageJson.Deserialize<PredictionLogEntry>(written)));
    }

    [Fact]
    public void Serialize_OneWriterForManyLines_WritesEachLineOnItsOwn()
    {
        var json = new PredictionLogJson();
        var large = new PredictionLogEntry(PredictionRequestId.New(ServedAt), "m", 1, ServedAt, ["x"],
            Enumerable.Range(0, 500).Select(i => new[] { FeatureValue.Of(i) }).ToList(), Enumerable.Range(0, 500).Select(i => new Prediction { Value = i }).ToList());
        var small = new PredictionLogEntry(PredictionRequestId.New(ServedAt), "m", 1, ServedAt, ["x"], [[FeatureValue.Of(1f)]], [new Prediction { Value = 2 }]);

        string[] lines = [.. new[] { large, small, large }.Select(e => Encoding.UTF8.GetString(json.Serialize(e)))];

        Assert.Equal([StorageJson.Serialize(large), StorageJson.Serialize(small), StorageJson.Serialize(large)], lines);
    }

    [Fact]
    public void Serialize_LeavesExplanationsOut()
    {
        var plain = new PredictionLogEntry(PredictionRequestId.New(ServedAt), "m", 1, ServedAt, ["x"], [[FeatureValue.Of(1f)]], [new Prediction { Value = 1 }]);
        PredictionLogEntry explained = plain with { Outputs = [new Prediction { Value = 1, Explanation = new Explanation(1, 0.5, [new FeatureContribution("x", 0.5)]) }] };

        Assert.Equal(StorageJson.Serialize(plain), Encoding.UTF8.GetString(new PredictionLogJson().Serialize(explained)));
    }
}
