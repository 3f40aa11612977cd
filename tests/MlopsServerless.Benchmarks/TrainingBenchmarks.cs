using BenchmarkDotNet.Attributes;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Benchmarks;

/// <summary>The training step's compute for a 10,000-row, 4-feature binary dataset, per trainer.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TrainingBenchmarks
{
    PreparedDataset _fastTree = null!;
    PreparedDataset _lightGbm = null!;
    DataSplit _split = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fastTree = new DemoDataset(10_000, 1).Prepare();
        _lightGbm = _fastTree with { Spec = _fastTree.Spec with { Trainer = TrainerKind.LightGbm } };
        _split = DataSplit.Create(_fastTree.RowCount, 0.2, 42);
    }

    [Benchmark(Baseline = true)]
    public TrainedModel FastTree() => new ModelTrainer().Train(_fastTree, _split, 42);

    [Benchmark]
    public TrainedModel LightGbm() => new ModelTrainer().Train(_lightGbm, _split, 42);

    [Benchmark]
    public DatasetValidator.Result ValidateCsv() => new DatasetValidator().Validate(
        new RawTable(_fastTree.Spec.FeatureColumns.Append(_fastTree.Spec.LabelColumn).ToList(),
            _fastTree.Features.Select((f, i) => f.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(_fastTree.Labels[i] == "true" ? "1" : "0").ToArray()).ToList()),
        null, new MlopsServerless.Core.Configuration.TrainingOptions());
}
