using MathNet.Numerics.Distributions;

namespace MlopsServerless.Core.Drift.Statistics;

/// <summary>
/// Pearson's chi-squared test of homogeneity on the 2 × k table of reference and current counts per value:
/// χ² = Σ (O − E)² / E with E = row total · column total / N, k − 1 degrees of freedom, p from MathNet's
/// <see cref="ChiSquared"/> CDF. Values absent from both samples are dropped, so every expected count is positive and a
/// value seen only now (a new category) adds a finite amount. (Evidently's <c>chisquare</c> is a goodness-of-fit test
/// against the reference proportions, which is infinite for a new category; this test treats both sides as samples.)
/// </summary>
public static class ChiSquaredTest
{
    public static TestStatistic Compute(IReadOnlyList<double> referenceCounts, IReadOnlyList<double> currentCounts)
    {
        if (referenceCounts.Count != currentCounts.Count)
        {
            throw new ArgumentException($"Value counts differ: reference {referenceCounts.Count}, current {currentCounts.Count}.", nameof(currentCounts));
        }

        int[] used = Enumerable.Range(0, referenceCounts.Count).Where(i => referenceCounts[i] + currentCounts[i] > 0).ToArray();
        double referenceTotal = used.Sum(i => referenceCounts[i]);
        double currentTotal = used.Sum(i => currentCounts[i]);
        if (used.Length < 2 || referenceTotal == 0 || currentTotal == 0)
        {
            return new TestStatistic(0, 1);
        }

        double total = referenceTotal + currentTotal;
        double chi = 0;
        foreach (int i in used)
        {
            double column = referenceCounts[i] + currentCounts[i];
            chi += Term(referenceCounts[i], referenceTotal * column / total) + Term(currentCounts[i], currentTotal * column / total);
        }

        int degreesOfFreedom = used.Length - 1;
        return new TestStatistic(chi, 1 - ChiSquared.CDF(degreesOfFreedom, chi));
    }

    static double Term(double observed, double expected) => (observed - expected) * (observed - expected) / expected;
}
