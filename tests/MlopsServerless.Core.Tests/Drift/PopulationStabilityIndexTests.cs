using MlopsServerless.Core.Drift;

namespace MlopsServerless.Core.Tests.Drift;

public sealed class PopulationStabilityIndexTests
{
    [Fact]
    public void Compute_SameDistribution_IsZero()
    {
        Assert.Equal(0, PopulationStabilityIndex.Compute([0.25, 0.25, 0.5], [0.25, 0.25, 0.5]), 12);
    }

    [Fact]
    public void Compute_KnownShift_MatchesHandCalculation()
    {
        // (0.3-0.5)ln(0.3/0.5) + (0.7-0.5)ln(0.7/0.5) = 0.10216 + 0.06729
        Assert.Equal(0.16946, PopulationStabilityIndex.Compute([0.5, 0.5], [0.3, 0.7]), 4);
    }

    [Fact]
    public void Compute_EmptyBin_IsFiniteThanksToEpsilon()
    {
        double psi = PopulationStabilityIndex.Compute([0.5, 0.5], [1.0, 0.0]);

        Assert.True(double.IsFinite(psi));
        Assert.True(psi > 1);
    }

    [Fact]
    public void Compute_DifferentBinCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([1.0], [0.5, 0.5]));
    }

    [Fact]
    public void Numeric_Deciles_SplitUniformDataEvenly()
    {
        Histogram histogram = Histogram.Numeric(Enumerable.Range(1, 1000).Select(i => (double)i));

        Assert.Equal(9, histogram.Edges!.Count);
        Assert.All(histogram.Proportions, p => Assert.InRange(p, 0.09, 0.11));
    }

    [Fact]
    public void Rebin_SampleFromSameDistribution_HasSmallPsi_ShiftedSample_HasLargePsi()
    {
        var random = new Random(1);
        Histogram reference = Histogram.Numeric(Enumerable.Range(0, 5000).Select(_ => random.NextDouble()));

        Histogram same = reference.Rebin(Enumerable.Range(0, 2000).Select(_ => random.NextDouble()));
        Histogram shifted = reference.Rebin(Enumerable.Range(0, 2000).Select(_ => random.NextDouble() + 0.3));

        Assert.InRange(PopulationStabilityIndex.Compute(reference.Proportions, same.Proportions), 0, 0.02);
        Assert.InRange(PopulationStabilityIndex.Compute(reference.Proportions, shifted.Proportions), 0.5, 20);
    }

    [Fact]
    public void Categorical_UnseenCategory_GoesToTheLastBin()
    {
        Histogram reference = Histogram.Categorical(["a", "b", "a", "b"]);

        Histogram observed = reference.Rebin(["a", "c", "c", "c"]);

        Assert.Equal([0.25, 0, 0.75], observed.Proportions);
    }
}
