using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Training;

/// <summary>A binary prediction set holds every class whose score is at least 1 − threshold, in ordinal order.</summary>
public sealed class ConformalRegionTests
{
    [Theory]
    [InlineData(0.1, 0.95, new[] { "true" })]
    [InlineData(0.1, 0.05, new[] { "false" })]
    [InlineData(0.1, 0.5, new string[0])]
    [InlineData(0.6, 0.5, new[] { "false", "true" })]
    [InlineData(0.3, 0.75, new[] { "true" })]
    [InlineData(0.3, 0.25, new[] { "false" })]
    public void Region_Binary_HoldsEveryClassScoringAtLeastOneMinusTheThreshold(double threshold, double probability, string[] expected)
    {
        var calibration = new ConformalCalibration(0.9, threshold, 100);

        PredictionRegion region = calibration.Region(ModelTask.Binary, new Prediction { PredictedLabel = probability >= 0.5, Probability = probability });

        Assert.Equal(expected, region.Set);
        Assert.Equal(0.9, region.Coverage);
    }

    [Fact]
    public void Region_Binary_SameSetAsTheMulticlassRuleOverTheTwoScores()
    {
        foreach (double threshold in new[] { 0.0, 0.05, 0.25, 0.5, 0.75, 1.0 })
        {
            var calibration = new ConformalCalibration(0.9, threshold, 100);
            foreach (double p in Enumerable.Range(0, 101).Select(i => i / 100.0))
            {
                var scores = new Dictionary<string, double> { ["true"] = p, ["false"] = 1 - p };
                PredictionRegion binary = calibration.Region(ModelTask.Binary, new Prediction { Probability = p });
                PredictionRegion multiclass = calibration.Region(ModelTask.Multiclass, new Prediction { ClassScores = scores });

                Assert.Equal(multiclass.Set, binary.Set);
            }
        }
    }
}
