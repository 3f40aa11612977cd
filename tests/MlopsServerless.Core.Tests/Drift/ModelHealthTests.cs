using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Drift;

public sealed class ModelHealthTests
{
    static readonly ModelMetrics Test = new("auc", 0.9, true, 100, new Dictionary<string, double> { ["auc"] = 0.9, ["accuracy"] = 0.85 });

    [Fact]
    public void Estimate_CalibratedProbabilities_IsNearTheRealisedAccuracy()
    {
        var random = new Random(7);
        var predictions = new List<Prediction>();
        int right = 0;
        for (int i = 0; i < 20_000; i++)
        {
            double p = random.NextDouble();
            bool actual = random.NextDouble() < p;
            bool predicted = p >= 0.5;
            right += actual == predicted ? 1 : 0;
            predictions.Add(new Prediction { PredictedLabel = predicted, Probability = p });
        }

        ModelHealth health = ModelHealth.Estimate(predictions, Test, 0.05)!;

        Assert.Equal(right / 20_000.0, health.EstimatedAccuracy, 0.01);
        Assert.Equal("cbpe", health.Method);
    }

    [Fact]
    public void Estimate_UnsureProbabilities_FlagADropAgainstTheTestAccuracy()
    {
        IReadOnlyList<Prediction> unsure = Enumerable.Range(0, 100).Select(i => new Prediction { PredictedLabel = i % 2 == 0, Probability = 0.55 }).ToList();
        IReadOnlyList<Prediction> confident = Enumerable.Range(0, 100).Select(i => new Prediction { PredictedLabel = true, Probability = 0.97 }).ToList();

        Assert.True(ModelHealth.Estimate(unsure, Test, 0.05)!.Dropped);
        Assert.False(ModelHealth.Estimate(confident, Test, 0.05)!.Dropped);
        Assert.Null(ModelHealth.Estimate([new Prediction { Value = 3 }], Test, 0.05));
    }
}
