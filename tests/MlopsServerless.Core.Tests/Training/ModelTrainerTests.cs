using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Training;

public sealed class ModelTrainerTests
{
    readonly ModelTrainer _trainer = new();
    readonly ModelEvaluator _evaluator = new();

    [Theory]
    [InlineData(ModelTask.Binary, TrainerKind.FastTree, "auc", 0.85)]
    [InlineData(ModelTask.Binary, TrainerKind.LightGbm, "auc", 0.85)]
    [InlineData(ModelTask.Multiclass, TrainerKind.LightGbm, "microAccuracy", 0.7)]
    [InlineData(ModelTask.Multiclass, TrainerKind.FastTree, "microAccuracy", 0.7)]
    public void Train_DemoDataWithKnownRelationship_LearnsIt(ModelTask task, TrainerKind trainer, string metric, double atLeast)
    {
        PreparedDataset data = new DemoDataset(1000, 3, Task: task).Prepare(trainer);
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 42);

        TrainedModel model = _trainer.Train(data, split, seed: 42);
        ModelMetrics metrics = _evaluator.Evaluate(model.Transformer, data, split.TestRows);

        Assert.Equal(metric, metrics.PrimaryMetric);
        Assert.True(metrics.HigherIsBetter);
        Assert.InRange(metrics.PrimaryValue, atLeast, 1.0);
        Assert.Equal(200, metrics.TestRows);
    }

    [Fact]
    public void Train_Regression_HasLowErrorRelativeToSpread()
    {
        PreparedDataset data = new DemoDataset(1000, 3, Task: ModelTask.Regression).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 42);

        ModelMetrics metrics = _evaluator.Evaluate(_trainer.Train(data, split, 42).Transformer, data, split.TestRows);

        Assert.Equal("rmse", metrics.PrimaryMetric);
        Assert.False(metrics.HigherIsBetter);
        Assert.InRange(metrics.Values["r2"], 0.7, 1.0);
    }

    [Fact]
    public void Train_SameDataAndSeed_GivesSameMetricsAndPredictions()
    {
        PreparedDataset data = new DemoDataset(400, 5).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 7);

        TrainedModel first = _trainer.Train(data, split, seed: 7);
        TrainedModel second = _trainer.Train(data, split, seed: 7);

        Assert.Equal(_evaluator.Evaluate(first.Transformer, data, split.TestRows).Values,
            _evaluator.Evaluate(second.Transformer, data, split.TestRows).Values);
        FeatureValue[][] rows = split.TestRows.Select(data.Row).ToArray();
        Assert.Equal(ServingModel.FromTransformer(first.Transformer, data.Spec).Predict(rows),
            ServingModel.FromTransformer(second.Transformer, data.Spec).Predict(rows));
    }

    [Fact]
    public void SavedModel_LoadedForServing_PredictsLikeTheTrainedOne()
    {
        PreparedDataset data = new DemoDataset(300, 9, Task: ModelTask.Multiclass).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 1);
        TrainedModel trained = _trainer.Train(data, split, seed: 1);
        FeatureValue[][] rows = split.TestRows.Take(10).Select(data.Row).ToArray();

        using Stream zip = ModelArtifacts.Save(trained).ToStream();
        IReadOnlyList<Prediction> loaded = ServingModel.Load(zip, data.Spec).Predict(rows);

        Assert.Equal(ServingModel.FromTransformer(trained.Transformer, data.Spec).Predict(rows).Select(p => p.PredictedClass),
            loaded.Select(p => p.PredictedClass));
        Assert.All(loaded, p =>
        {
            Assert.Equal(["at-risk", "loyal", "steady"], p.ClassScores!.Keys.Order());
            Assert.Contains(p.PredictedClass, p.ClassScores.Keys);
        });
    }

    [Fact]
    public void Predict_BinaryModel_ReturnsLabelAndProbability()
    {
        PreparedDataset data = new DemoDataset(400, 2).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 1);
        ServingModel model = ServingModel.FromTransformer(_trainer.Train(data, split, 1).Transformer, data.Spec);

        // Long tenure, low spend, no support calls, heavy use, two-year contract: the generator's relationship says "stays".
        Prediction stays = model.Predict([Row(60, 30, 0, 50, "two-year", false)])[0];
        Prediction churns = model.Predict([Row(1, 95, 7, 5, "monthly", true)])[0];

        Assert.False(stays.PredictedLabel);
        Assert.True(churns.PredictedLabel);
        Assert.InRange(churns.Probability!.Value, 0.5, 1.0);
        Assert.Null(stays.Value);
    }

    [Fact]
    public void Predict_UnseenOrMissingCategoryAndMissingNumbers_StillScores()
    {
        PreparedDataset data = new DemoDataset(400, 2).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 1);
        ServingModel model = ServingModel.FromTransformer(_trainer.Train(data, split, 1).Transformer, data.Spec);

        Prediction unseen = model.Predict([Row(12, 60, 2, 30, "weekly", true)])[0];
        Prediction missing = model.Predict([[FeatureValue.Of(12), FeatureValue.Missing, FeatureValue.Missing, FeatureValue.Of(30),
            FeatureValue.Missing, FeatureValue.Missing]])[0];

        Assert.InRange(unseen.Probability!.Value, 0, 1);
        Assert.InRange(missing.Probability!.Value, 0, 1);
    }

    [Fact]
    public void Train_RecordsHowEachFeatureIsEncoded()
    {
        PreparedDataset data = new DemoDataset(400, 2).Prepare();

        TrainedModel model = _trainer.Train(data, DataSplit.Create(data.RowCount, 0.2, seed: 1), 1);

        Assert.Equal("oneHot(3)", model.Parameters["encoding.contract"]);
        Assert.Equal("mean + missing indicator", model.Parameters["encoding.monthly_spend"]);
        Assert.False(model.Parameters.ContainsKey("encoding.tenure_months"));
    }

    [Fact]
    public void Train_LightGbmOnAHostWithoutItsNativeLibraries_FailsNamingWhatIsMissing()
    {
        PreparedDataset data = new DemoDataset(200, 2).Prepare(TrainerKind.LightGbm);
        var trainer = new ModelTrainer(Options.Create(new TrainingOptions()), new NativeLibraryProbe(_ => false));

        var failure = Assert.Throws<NotSupportedException>(() => trainer.Train(data, DataSplit.Create(data.RowCount, 0.2, 1), 1));

        Assert.Contains(OperatingSystem.IsLinux() ? NativeLibraryProbe.OpenMpLibrary : NativeLibraryProbe.LightGbmLibrary, failure.Message);
    }

    static FeatureValue[] Row(float tenure, float spend, float calls, float usage, string contract, bool paperless) =>
        [FeatureValue.Of(tenure), FeatureValue.Of(spend), FeatureValue.Of(calls), FeatureValue.Of(usage), FeatureValue.Of(contract),
            FeatureValue.Of(paperless ? 1 : 0)];
}
