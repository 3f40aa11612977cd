using System.Text;
using BenchmarkDotNet.Attributes;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Benchmarks;

/// <summary>The training step's compute for the 10,000-row demo dataset (6 typed features), per trainer, and its validation pass.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TrainingBenchmarks
{
    PreparedDataset _fastTree = null!;
    PreparedDataset _lightGbm = null!;
    DataSplit _split = null!;
    byte[] _csv = null!;

    [GlobalSetup]
    public void Setup()
    {
        string csv = new DemoDataset(10_000, 1).ToCsv();
        _csv = Encoding.UTF8.GetBytes(csv);
        _fastTree = Csv.Prepare(csv);
        _lightGbm = _fastTree with { Spec = _fastTree.Spec with { Trainer = TrainerKind.LightGbm } };
        _split = DataSplit.Create(_fastTree.RowCount, 0.2, 42);
    }

    [Benchmark(Baseline = true)]
    public TrainedModel FastTree() => new ModelTrainer().Train(_fastTree, _split, 42);

    [Benchmark]
    public TrainedModel LightGbm() => new ModelTrainer().Train(_lightGbm, _split, 42);

    /// <summary>The validation pass over the CSV bytes: parsing, column statistics and spec inference.</summary>
    [Benchmark]
    public Task<ValidationResult> ValidateCsv() =>
        new DatasetValidator().ValidateAsync(new MemoryStream(_csv, writable: false), null, new TrainingOptions(), CancellationToken.None);
}
