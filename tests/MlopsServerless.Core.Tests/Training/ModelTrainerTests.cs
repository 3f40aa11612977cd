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
        float[][] rows = split.TestRows.Select(i => data.Features[i]).ToArray();
        Assert.Equal(ServingModel.FromTransformer(first.Transformer, data.Spec).Predict(rows),
            ServingModel.FromTransformer(second.Transformer, data.Spec).Predict(rows));
    }

    [Fact]
    public void SavedModel_LoadedForServing_PredictsLikeTheTrainedOne()
    {
        PreparedDataset data = new DemoDataset(300, 9, Task: ModelTask.Multiclass).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 1);
        TrainedModel trained = _trainer.Train(data, split, seed: 1);
        float[][] rows = split.TestRows.Take(10).Select(i => data.Features[i]).ToArray();

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

        // Long tenure, low spend, no support calls, heavy use: the generator's relationship says "stays".
        Prediction stays = model.Predict([[60f, 30f, 0f, 50f]])[0];
        Prediction churns = model.Predict([[1f, 95f, 7f, 5f]])[0];

        Assert.False(stays.PredictedLabel);
        Assert.True(churns.PredictedLabel);
        Assert.InRange(churns.Probability!.Value, 0.5, 1.0);
        Assert.Null(stays.Value);
    }
}
