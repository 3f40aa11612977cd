using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Training;

/// <summary>What a version carries besides its metrics: importance, conformal calibration, fit diagnosis, segment metrics.</summary>
public sealed class ModelCardTests
{
    readonly ModelTrainer _trainer = new();
    readonly ModelEvaluator _evaluator = new();

    /// <summary>y depends on x2 strongly, on x1 weakly, not at all on the noise columns.</summary>
    static PreparedDataset Generated(ModelTask task, int rows = 2000, int seed = 5)
    {
        var random = new Random(seed);
        string csv = Csv.Build("noise_a,x1,noise_b,x2,region,y", rows, _ =>
        {
            double x1 = random.NextDouble() * 10, x2 = random.NextDouble() * 10, noise = random.NextDouble() * 10;
            string region = random.NextDouble() < 0.5 ? "north" : "south";
            double signal = 0.3 * x1 + 2 * x2 + Gaussian(random) * 2;
            string y = task == ModelTask.Regression ? Math.Round(signal, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : signal > 11.5 ? "1" : "0";
            return $"{noise:0.###},{x1:0.###},{random.NextDouble() * 10:0.###},{x2:0.###},{region},{y}";
        });
        return Csv.Prepare(csv, new ModelSpecDocument { Task = task });
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void PermutationImportance_RanksTheInformativeFeatureFirst_AndNoiseNearZero()
    {
        PreparedDataset data = Generated(ModelTask.Binary);
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, 42);
        TrainedModel model = _trainer.Train(data, split.FitRows, ModelTrainer.DefaultCandidate(TrainerKind.FastTree), 42);

        IReadOnlyDictionary<string, double> importance = PermutationImportance.Compute(model.Transformer, data, split.TestRows, _evaluator, 42);

        Assert.Equal("x2", importance.MaxBy(p => p.Value).Key);
        Assert.True(importance["x2"] > importance["x1"]);
        Assert.InRange(importance["noise_a"], -0.02, 0.02);
        Assert.InRange(importance["noise_b"], -0.02, 0.02);
    }

    [Theory]
    [InlineData(ModelTask.Regression)]
    [InlineData(ModelTask.Binary)]
    public void Conformal_CoverageOnTestRows_IsNearTheTarget(ModelTask task)
    {
        PreparedDataset data = Generated(task, rows: 4000);
        DataSplit split = DataSplit.Create(data.RowCount, 0.25, 42);
        TrainedModel model = _trainer.Train(data, split.FitRows, ModelTrainer.DefaultCandidate(TrainerKind.FastTree), 42);
        ServingModel serving = ServingModel.FromTransformer(model.Transformer, data.Spec);
        IReadOnlyList<Prediction> validation = serving.Predict(split.ValidationRows.Select(data.Row).ToList());
        IReadOnlyList<Prediction> test = serving.Predict(split.TestRows.Select(data.Row).ToList());

        var calibration = ConformalCalibration.Fit(task, validation, split.ValidationRows.Select(r => data.Labels[r]).ToList());
        double coverage = calibration.MeasureCoverage(task, test, split.TestRows.Select(r => data.Labels[r]).ToList());

        Assert.InRange(coverage, 0.86, 0.95);
        PredictionRegion region = calibration.Region(task, test[0]);
        if (task == ModelTask.Regression)
        {
            Assert.Equal(2 * calibration.Threshold, region.Upper!.Value - region.Lower!.Value, 6);
        }
        else
        {
            Assert.NotEmpty(region.Set!);
        }
    }

    [Fact]
    public void SegmentMetrics_OnePerValueOfTheSegmentColumn()
    {
        PreparedDataset data = Generated(ModelTask.Binary);
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, 42);
        TrainedModel model = _trainer.Train(data, split.FitRows, ModelTrainer.DefaultCandidate(TrainerKind.FastTree), 42);

        IReadOnlyList<SegmentMetrics> segments = SegmentMetrics.Compute(model.Transformer, data, split.TestRows, ["region"], _evaluator);

        Assert.Equal(["region=north", "region=south"], segments.Select(s => s.Name));
        Assert.Equal(split.TestRows.Count, segments.Sum(s => s.Metrics.TestRows));
    }

    [Theory]
    [InlineData("auc", 0.65, 0.6, FitVerdict.Underfitting)]
    [InlineData("auc", 0.99, 0.8, FitVerdict.Overfitting)]
    [InlineData("auc", 0.93, 0.9, FitVerdict.Ok)]
    [InlineData("rmse", 1.0, 2.0, FitVerdict.Overfitting)]
    [InlineData("rmse", 1.0, 1.2, FitVerdict.Ok)]
    public void Diagnose_FollowsTheDocumentedRules(string metric, double train, double validation, FitVerdict expected)
    {
        bool higher = metric != "rmse";
        ModelMetrics Metrics(double value) => new(metric, value, higher, 100, new Dictionary<string, double> { [metric] = value, ["r2"] = 0.8 });

        Assert.Equal(expected, FitDiagnosis.Diagnose(Metrics(train), Metrics(validation), []).Verdict);
    }
}
