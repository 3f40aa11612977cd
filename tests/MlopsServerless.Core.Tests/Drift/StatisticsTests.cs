using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Tests.Drift;

/// <summary>Each statistic against values computed by hand or published (scipy's documented examples, the Kolmogorov table).</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void KolmogorovSmirnov_TwoSmallSamples_MatchesHandCalculation()
    {
        // F_a steps 0.25 at 1,2,3,4; F_b at 3,4,5,6: the CDFs are furthest apart (0.5) from 2 to 4.
        // nₑ = 4·4/8 = 2, λ = (√2 + 0.12 + 0.11/√2)·0.5 = 0.80600, Q(λ) = 2(e^{−2λ²} − e^{−8λ²} + …) = 0.53442.
        TestStatistic ks = KolmogorovSmirnovTest.Compute([1, 2, 3, 4], [3, 4, 5, 6]);

        Assert.Equal(0.5, ks.Value, 12);
        Assert.Equal(0.53442, ks.PValue!.Value, 5);
    }

    [Fact]
    public void KolmogorovSmirnov_SampleAgainstItself_IsZeroWithPValueOne()
    {
        double[] values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];

        Assert.Equal(new TestStatistic(0, 1), KolmogorovSmirnovTest.Compute(values, values));
    }

    [Fact]
    public void KolmogorovSmirnov_TiesAcrossSamples_StepTogether()
    {
        // Both samples hold 1 and 2; only after 2 do they differ: F_a(2) = 1, F_b(2) = 2/3.
        Assert.Equal(1 / 3.0, KolmogorovSmirnovTest.Compute([1, 2], [1, 2, 3]).Value, 12);
    }

    [Theory]
    [InlineData(1.2238, 0.10)]
    [InlineData(1.3581, 0.05)]
    [InlineData(1.6276, 0.01)]
    [InlineData(0, 1.0)]
    public void KolmogorovSurvival_AtTheTabulatedCriticalValues_GivesTheirLevels(double lambda, double level)
    {
        Assert.Equal(level, KolmogorovSmirnovTest.KolmogorovSurvival(lambda), 4);
    }

    [Fact]
    public void ChiSquared_TwoByThreeTable_MatchesHandCalculation()
    {
        // Expected 25, 25, 50 on both rows: χ² = 4 · (5²/25) = 4; with 2 degrees of freedom p = e^{−χ²/2} = e^{−2}.
        TestStatistic chi = ChiSquaredTest.Compute([30, 20, 50], [20, 30, 50]);

        Assert.Equal(4, chi.Value, 10);
        Assert.Equal(Math.Exp(-2), chi.PValue!.Value, 10);
    }

    [Fact]
    public void ChiSquared_NewCategory_IsFiniteAndSignificant()
    {
        // Column totals 90, 90, 20 → expected 45, 45, 10 per row: χ² = 4·25/45 + 2·100/10 = 200/9; p = e^{−χ²/2} = e^{−100/9}.
        TestStatistic chi = ChiSquaredTest.Compute([50, 50, 0], [40, 40, 20]);

        Assert.Equal(200 / 9.0, chi.Value, 10);
        Assert.Equal(Math.Exp(-100 / 9.0), chi.PValue!.Value, 12);
    }

    [Fact]
    public void ChiSquared_SameProportions_IsZeroWithPValueOne_AndValuesNeitherSideHasAreDropped()
    {
        TestStatistic chi = ChiSquaredTest.Compute([10, 20, 0], [30, 60, 0]);

        Assert.Equal(0, chi.Value, 12);
        Assert.Equal(1, chi.PValue!.Value, 12);
    }

    [Fact]
    public void ChiSquared_OneValueOnly_HasNothingToCompare()
    {
        Assert.Equal(new TestStatistic(0, 1), ChiSquaredTest.Compute([10], [3]));
    }

    [Fact]
    public void ProportionZ_FortyAgainstSixtyPercent_MatchesHandCalculation()
    {
        // Pooled 0.5: SE = √(0.25 · (1/100 + 1/100)) = 0.070711, z = −0.2 / SE = −2.828427, p = 2(1 − Φ(2.828427)) = 0.0046777.
        TestStatistic z = ProportionZTest.Compute(40, 100, 60, 100);

        Assert.Equal(-2.828427, z.Value, 6);
        Assert.Equal(0.0046777, z.PValue!.Value, 7);
    }

    [Theory]
    [InlineData(0, 50, 0, 80)]
    [InlineData(50, 50, 80, 80)]
    [InlineData(0, 0, 3, 10)]
    public void ProportionZ_NothingToCompare_IsZeroWithPValueOne(double referenceHits, double referenceCount, double currentHits, double currentCount)
    {
        Assert.Equal(new TestStatistic(0, 1), ProportionZTest.Compute(referenceHits, referenceCount, currentHits, currentCount));
    }

    [Fact]
    public void JensenShannon_PublishedExample_MatchesScipyInBaseTwo()
    {
        // scipy's docstring: jensenshannon([1.0, 0.0], [0.5, 0.5]) = 0.46450140402245893 (natural log); base 2 divides by √ln 2.
        Assert.Equal(0.46450140402245893 / Math.Sqrt(Math.Log(2)), JensenShannonDistance.Compute([1, 0], [0.5, 0.5]), 12);
        Assert.Equal(0.5579230, JensenShannonDistance.Compute([0.5, 0.5], [1, 0]), 7);
    }

    [Fact]
    public void JensenShannon_IdenticalIsZero_DisjointIsOne_CountsAreNormalised()
    {
        Assert.Equal(0, JensenShannonDistance.Compute([1, 2, 3], [10, 20, 30]), 12);
        Assert.Equal(1, JensenShannonDistance.Compute([1, 0, 0], [0, 1, 0]), 12);
        Assert.Equal(0, JensenShannonDistance.Compute([0, 0], [1, 1]));
    }

    [Fact]
    public void Wasserstein_PublishedExample_MatchesScipy()
    {
        // scipy's docstring: wasserstein_distance([0, 1, 3], [5, 6, 8]) = 5.0.
        Assert.Equal(5.0, WassersteinDistance.Compute([0, 1, 3], [5, 6, 8]), 12);
    }

    [Fact]
    public void WassersteinNormed_ShiftedSample_IsTheShiftOverTheReferenceStandardDeviation()
    {
        // Every value moved by 1; the reference's population standard deviation is √2.
        Assert.Equal(1 / Math.Sqrt(2), WassersteinDistance.Normed([0, 1, 2, 3, 4], [1, 2, 3, 4, 5]), 12);
        Assert.Equal(0, WassersteinDistance.Normed([0, 1, 2, 3, 4], [4, 3, 2, 1, 0]), 12);
    }

    [Fact]
    public void WassersteinNormed_ConstantReference_DividesByTheFloorNotZero()
    {
        double normed = WassersteinDistance.Normed([2, 2, 2], [2, 2, 3]);

        Assert.Equal(1 / 3.0 / WassersteinDistance.MinimumDeviation, normed, 6);
    }

    [Fact]
    public void Wasserstein_SamplesOfDifferentSizes_MatchesHandCalculation()
    {
        // F_a = 0.5 on [0, 1); F_b = 0.25 on [0, 1), 0.5 on [1, 2) against F_a = 1: 0.25·1 + 0.5·1 = 0.75.
        Assert.Equal(0.75, WassersteinDistance.Compute([0, 1], [0, 1, 2, 2]), 12);
    }
}
