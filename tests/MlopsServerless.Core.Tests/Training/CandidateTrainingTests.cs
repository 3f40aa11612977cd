using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Training;

/// <summary>Every trainer family fits every task it serves, learns the demo's relationship, and scores rows with missing values.</summary>
public sealed class CandidateTrainingTests
{
    readonly ModelTrainer _trainer = new();
    readonly ModelEvaluator _evaluator = new();

    public static TheoryData<ModelTask, TrainerKind, double> Families => new()
    {
        { ModelTask.Binary, TrainerKind.FastTree, 0.85 },
        { ModelTask.Binary, TrainerKind.LightGbm, 0.85 },
        { ModelTask.Binary, TrainerKind.FastForest, 0.85 },
        { ModelTask.Binary, TrainerKind.Linear, 0.85 },
        { ModelTask.Multiclass, TrainerKind.LightGbm, 0.7 },
        { ModelTask.Multiclass, TrainerKind.FastTree, 0.7 },
        { ModelTask.Multiclass, TrainerKind.Linear, 0.7 },
        { ModelTask.Regression, TrainerKind.FastTree, 0.7 },
        { ModelTask.Regression, TrainerKind.LightGbm, 0.7 },
        { ModelTask.Regression, TrainerKind.FastForest, 0.6 },
        { ModelTask.Regression, TrainerKind.Linear, 0.7 },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Train_EachFamily_LearnsTheDemoRelationship(ModelTask task, TrainerKind family, double atLeast)
    {
        PreparedDataset data = new DemoDataset(1000, 3, Task: task).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 42);
        CandidateConfig candidate = CandidateSearch.Create(task, family, 1, NativeLibraryStatus.Loaded).Candidates[0];

        TrainedModel model = _trainer.Train(data, split.FitRows, candidate, seed: 42);
        ModelMetrics metrics = _evaluator.Evaluate(model.Transformer, data, split.ValidationRows);

        double quality = task == ModelTask.Regression ? metrics.Values["r2"] : metrics.PrimaryValue;
        Assert.InRange(quality, atLeast, 1.0);
        Assert.Equal(family.ToString(), model.Parameters["trainer"]);
        Prediction withGaps = ServingModel.FromTransformer(model.Transformer, data.Spec).Predict([
            [FeatureValue.Missing, FeatureValue.Missing, FeatureValue.Of(3), FeatureValue.Missing, FeatureValue.Of("weekly"), FeatureValue.Missing]])[0];
        Assert.True(task switch
        {
            ModelTask.Regression => double.IsFinite(withGaps.Value!.Value),
            ModelTask.Binary => double.IsFinite(withGaps.Probability!.Value),
            _ => withGaps.ClassScores!.Values.All(double.IsFinite),
        });
    }

    [Fact]
    public void DataSplit_PartsAreDisjointAndCoverEveryRow()
    {
        DataSplit split = DataSplit.Create(1000, 0.2, seed: 3);

        Assert.Equal(200, split.TestRows.Count);
        Assert.Equal(160, split.ValidationRows.Count);
        Assert.Equal(Enumerable.Range(0, 1000), split.FitRows.Concat(split.ValidationRows).Concat(split.TestRows).Order());
        Assert.Equal(split.TrainRows, split.FitRows.Concat(split.ValidationRows).Order());
    }
}
