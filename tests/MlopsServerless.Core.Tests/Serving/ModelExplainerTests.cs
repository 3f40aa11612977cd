using System.Globalization;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>Per-row feature contributions of trained models, named by original column, on data where one column decides the label.</summary>
public sealed class ModelExplainerTests
{
    static readonly string[] Features = ["driver", "noise_a", "gappy", "region", "city"];

    /// <summary>Categorical features with more categories than this are hashed, so <c>city</c> (20) spans 1,024 slots.</summary>
    readonly ModelTrainer _trainer = new(Options.Create(new TrainingOptions { OneHotMaxCategories = 10 }), new NativeLibraryProbe());

    /// <summary>
    /// y is decided by <c>driver</c> (or by <c>region</c>, when <paramref name="decidedByRegion"/>); <c>gappy</c> has
    /// blanks (a filled value and a missing flag), <c>region</c> is one-hot, <c>city</c> hashed; all but the decider are noise.
    /// </summary>
    static PreparedDataset Generated(ModelTask task, bool decidedByRegion = false, int rows = 1000)
    {
        var random = new Random(11);
        string[] regions = ["north", "south", "east"];
        string csv = Csv.Build("driver,noise_a,gappy,region,city,y", rows, _ =>
        {
            double driver = 1 + random.NextDouble() * 9, noise = random.NextDouble() * 10, gappy = random.NextDouble() * 10;
            string region = regions[random.Next(regions.Length)];
            string city = "c" + random.Next(20).ToString(CultureInfo.InvariantCulture);
            double signal = decidedByRegion ? (region == "north" ? 10 : 0) : driver;
            string y = task == ModelTask.Regression
                ? (3 * signal + random.NextDouble() * 0.1).ToString("0.###", CultureInfo.InvariantCulture)
                : signal > 5.5 ? "1" : "0";
            string gap = random.NextDouble() < 0.1 ? "" : gappy.ToString("0.###", CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{driver:0.###},{noise:0.###},{gap},{region},{city},{y}");
        });
        return Csv.Prepare(csv, new ModelSpecDocument { Task = task, LabelColumn = "y" });
    }

    (ServingModel Model, IReadOnlyList<FeatureValue[]> Rows) Train(ModelTask task, TrainerKind trainer, bool decidedByRegion = false)
    {
        PreparedDataset data = Generated(task, decidedByRegion);
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 42);
        TrainedModel model = _trainer.Train(data, split.FitRows, ModelTrainer.DefaultCandidate(trainer), seed: 42);
        Assert.Equal(Features, data.Spec.FeatureNames);
        return (ServingModel.FromTransformer(model.Transformer, data.Spec), split.TestRows.Select(data.Row).ToList());
    }

    public static TheoryData<ModelTask, TrainerKind> Explained => new()
    {
        { ModelTask.Binary, TrainerKind.FastTree },
        { ModelTask.Binary, TrainerKind.LightGbm },
        { ModelTask.Binary, TrainerKind.FastForest },
        { ModelTask.Binary, TrainerKind.Linear },
        { ModelTask.Regression, TrainerKind.FastTree },
        { ModelTask.Regression, TrainerKind.Linear },
    };

    [Theory]
    [MemberData(nameof(Explained))]
    public void Explain_OneColumnDecidesTheLabel_ItHasByFarTheLargestContribution(ModelTask task, TrainerKind trainer)
    {
        (ServingModel model, IReadOnlyList<FeatureValue[]> rows) = Train(task, trainer);

        IReadOnlyList<Explanation> explanations = model.Explainer.Explain(rows);

        Assert.Null(model.Explainer.Unsupported);
        Assert.Equal(rows.Count, explanations.Count);
        Dictionary<string, double> meanAbsolute = MeanAbsolute(explanations);
        double largestOther = meanAbsolute.Where(p => p.Key != "driver").Max(p => p.Value);
        Assert.True(meanAbsolute["driver"] > 5 * largestOther,
            string.Join(", ", meanAbsolute.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:0.####}"))));
        Assert.All(explanations, e =>
        {
            Assert.Equal(Features.Order(), e.Contributions.Select(c => c.Feature).Order());
            Assert.Equal(e.Contributions.Select(c => Math.Abs(c.Contribution)).OrderDescending(), e.Contributions.Select(c => Math.Abs(c.Contribution)));
        });
        Assert.True(explanations.Count(e => e.Contributions[0].Feature == "driver") >= 0.9 * explanations.Count);
    }

    /// <remarks>A linear contribution is weight × value, so only the category with a weight (north) contributes; trees
    /// contribute on every row, by taking the other branch of the split on region.</remarks>
    [Theory]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.Linear)]
    public void Explain_CategoricalColumnDecidesTheLabel_ItsOneHotSlotsAreReportedOnceUnderItsName(TrainerKind trainer)
    {
        (ServingModel model, IReadOnlyList<FeatureValue[]> rows) = Train(ModelTask.Binary, trainer, decidedByRegion: true);

        IReadOnlyList<Explanation> explanations = model.Explainer.Explain(rows);

        Assert.All(explanations, e => Assert.Equal(1, e.Contributions.Count(c => c.Feature == "region")));
        Assert.All(explanations.Where((_, i) => rows[i][3].Category == "north"), e => Assert.Equal("region", e.Contributions[0].Feature));
        Dictionary<string, double> meanAbsolute = MeanAbsolute(explanations);
        Assert.True(meanAbsolute["region"] > 5 * meanAbsolute.Where(p => p.Key != "region").Max(p => p.Value));
    }

    [Theory]
    [InlineData(ModelTask.Regression)]
    [InlineData(ModelTask.Binary)]
    public void Explain_LinearModel_ScoreIsBiasPlusContributions_EachWeightTimesTheFeaturisedValue(ModelTask task)
    {
        (ServingModel model, IReadOnlyList<FeatureValue[]> rows) = Train(task, TrainerKind.Linear);

        IReadOnlyList<Explanation> explanations = model.Explainer.Explain(rows);
        IReadOnlyList<Prediction> predictions = model.Predict(rows);

        for (int i = 0; i < rows.Count; i++)
        {
            Explanation explanation = explanations[i];
            Assert.NotNull(explanation.Bias);
            double tolerance = 1e-5 * (1 + Math.Abs(explanation.Score));
            Assert.Equal(explanation.Score, explanation.Bias!.Value + explanation.Contributions.Sum(c => c.Contribution), tolerance);
            if (task == ModelTask.Regression)
            {
                Assert.Equal(predictions[i].Value!.Value, explanation.Score, tolerance);
            }
            else
            {
                Assert.Equal(predictions[i].Probability!.Value, 1 / (1 + Math.Exp(-explanation.Score)), 1e-5);
            }
        }

        // driver is never missing and its mean-variance scaling has no offset: its contribution is one weight times its value.
        double[] perUnit = rows.Select((row, i) => Contribution(explanations[i], "driver") / row[0].Number).ToArray();
        Assert.All(perUnit, w => Assert.Equal(perUnit[0], w, 1e-4 * Math.Abs(perUnit[0])));
        Assert.NotEqual(0, perUnit[0]);
    }

    [Fact]
    public void Explain_TreeModel_HasNoBias_AndScoreIsTheRegressionValue()
    {
        (ServingModel model, IReadOnlyList<FeatureValue[]> rows) = Train(ModelTask.Regression, TrainerKind.FastTree);

        IReadOnlyList<Explanation> explanations = model.Explainer.Explain(rows);

        Assert.All(explanations, e => Assert.Null(e.Bias));
        Assert.Equal(model.Predict(rows).Select(p => p.Value!.Value), explanations.Select(e => e.Score), new ToleranceComparer(1e-4));
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.Linear)]
    public void Explainer_Multiclass_SaysWhyNot_AndStillPredicts(TrainerKind trainer)
    {
        PreparedDataset data = new Core.Demo.DemoDataset(600, 4, Task: ModelTask.Multiclass).Prepare();
        DataSplit split = DataSplit.Create(data.RowCount, 0.2, seed: 42);
        TrainedModel trained = _trainer.Train(data, split.FitRows, ModelTrainer.DefaultCandidate(trainer), seed: 42);
        ServingModel model = ServingModel.FromTransformer(trained.Transformer, data.Spec);

        Assert.Contains("multiclass", model.Explainer.Unsupported);
        Assert.Throws<InvalidOperationException>(() => model.Explainer.Explain([data.Row(0)]));
        Assert.NotNull(model.Predict([data.Row(0)])[0].PredictedClass);
    }

    [Fact]
    public void Explainer_IsBuiltOncePerLoadedModel()
    {
        (ServingModel model, _) = Train(ModelTask.Binary, TrainerKind.FastTree);

        Assert.Same(model.Explainer, model.Explainer);
    }

    static Dictionary<string, double> MeanAbsolute(IReadOnlyList<Explanation> explanations) =>
        Features.ToDictionary(f => f, f => explanations.Average(e => Math.Abs(Contribution(e, f))));

    static double Contribution(Explanation explanation, string feature) =>
        explanation.Contributions.Single(c => c.Feature == feature).Contribution;

    sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));
        public int GetHashCode(double obj) => 0;
    }
}
