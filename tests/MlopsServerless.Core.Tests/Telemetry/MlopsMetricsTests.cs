using System.Diagnostics.Metrics;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Telemetry;

namespace MlopsServerless.Core.Tests.Telemetry;

public sealed class MlopsMetricsTests
{
    [Fact]
    public void Served_CountsRowsByModelAndVersion_AndRunEnds_RecordOutcomeAndDuration()
    {
        using var metrics = new MlopsMetrics();
        var measured = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MlopsMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, Tags(tags))));
        listener.Start();

        metrics.Served(new PredictionLogEntry("r", "churn", 3, DateTimeOffset.UnixEpoch, ["x"],
            [[FeatureValue.Of(1)], [FeatureValue.Of(2)]], [new Prediction(), new Prediction()]));
        var start = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        var progress = new RunProgress("run", "PromoteIfBetter", [new StepTiming("ValidateTrainingData", start, start.AddSeconds(2)),
            new StepTiming("PromoteIfBetter", start.AddSeconds(2), start.AddSeconds(30))], []);
        metrics.RunSaved(new TrainingRun("churn", "run", "churn/a.csv", TrainingRunStatus.Training, DateTimeOffset.UnixEpoch));
        metrics.RunSaved(new TrainingRun("churn", "run", "churn/a.csv", TrainingRunStatus.Promoted, DateTimeOffset.UnixEpoch, Progress: progress));

        var predictions = Assert.Single(measured, m => m.Instrument == "mlops.predictions");
        Assert.Equal((2.0, "churn", (object?)3), (predictions.Value, predictions.Tags["model"], predictions.Tags["version"]));
        var run = Assert.Single(measured, m => m.Instrument == "mlops.training.runs");
        Assert.Equal("Promoted", run.Tags["outcome"]);
        Assert.Equal(30.0, Assert.Single(measured, m => m.Instrument == "mlops.training.duration").Value);
    }

    static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
