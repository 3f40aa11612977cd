using System.Text.Json;
using BenchmarkDotNet.Attributes;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Benchmarks;

/// <summary>What one prediction request costs in Core: parsing the body and scoring (storage and HTTP excluded).</summary>
[MemoryDiagnoser]
public class ServingBenchmarks
{
    ServingModel _model = null!;
    ModelSpec _spec = null!;
    JsonElement _oneRow;
    JsonElement _hundredRows;
    IReadOnlyList<FeatureValue[]> _rows = null!;

    [GlobalSetup]
    public void Setup()
    {
        PreparedDataset data = new DemoDataset(5000, 1).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, 42);
        _spec = data.Spec;
        _model = ServingModel.FromTransformer(new ModelTrainer().Train(data, split, 42).Transformer, data.Spec);
        _hundredRows = JsonDocument.Parse(JsonSerializer.Serialize(new DemoDataset(100, 2).RequestRows())).RootElement;
        _oneRow = _hundredRows[0];
        _rows = PredictionInput.Parse(_hundredRows, _spec, 1000).Rows;
    }

    [Benchmark]
    public IReadOnlyList<Prediction> PredictOneRow() => _model.Predict([_rows[0]]);

    [Benchmark]
    public IReadOnlyList<Prediction> Predict100Rows() => _model.Predict(_rows);

    [Benchmark]
    public PredictionInput.Parsed ParseOneRow() => PredictionInput.Parse(_oneRow, _spec, 1000);

    [Benchmark]
    public PredictionInput.Parsed Parse100Rows() => PredictionInput.Parse(_hundredRows, _spec, 1000);
}
