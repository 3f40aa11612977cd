using System.Globalization;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Benchmarks.TypedColumns;

/// <summary>
/// What a training run does with the file, minus storage: the validation pass (statistics and spec inference, nothing
/// declared), the second pass into typed columns under the validated spec and dialect, the platform's split, and
/// <see cref="ModelTrainer"/> with the platform's parameters.
/// </summary>
public static class PlatformPath
{
    public static PathMeasurement Run(string csvPath)
    {
        var options = new TrainingOptions();
        var recorder = new PhaseRecorder();
        ValidationResult validation = recorder.Run("validate", () =>
        {
            using FileStream file = Open(csvPath);
            return new DatasetValidator().ValidateAsync(file, null, options, CancellationToken.None).GetAwaiter().GetResult();
        });
        if (!validation.IsValid)
        {
            throw new InvalidOperationException("The generated CSV did not validate: "
                + string.Join("; ", validation.Errors.Select(e => $"{e.Column} {e.Row}: {e.Message}")));
        }

        ModelSpec spec = validation.Spec!;
        PreparedDataset data = recorder.Run("read", () =>
        {
            using FileStream file = Open(csvPath);
            return DatasetReader.Read(file, spec, validation.Dialect ?? CsvDialect.Default);
        });
        DataSplit split = recorder.Run("split", () => DataSplit.Create(data.RowCount, options.TestFraction, options.Seed));
        TrainedModel model = recorder.Run("train", () => new ModelTrainer().Train(data, split, options.Seed));

        PathMeasurement measurement = recorder.Result("platform");
        ModelMetrics metrics = new ModelEvaluator().Evaluate(model.Transformer, data, split.TestRows);
        recorder.Facts["task"] = spec.Task.ToString();
        recorder.Facts["trainer"] = model.Parameters.GetValueOrDefault("trainer") ?? "?";
        recorder.Facts["features"] = string.Join(", ", spec.Features.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"));
        recorder.Facts["trainRows"] = split.TrainRows.Count.ToString(CultureInfo.InvariantCulture);
        recorder.Facts["testAuc"] = metrics.Values["auc"].ToString("0.0000", CultureInfo.InvariantCulture);
        foreach ((string key, string value) in model.Parameters.Where(p => p.Key.StartsWith("encoding.", StringComparison.Ordinal)))
        {
            recorder.Facts[key] = value;
        }

        return measurement;
    }

    static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
}
