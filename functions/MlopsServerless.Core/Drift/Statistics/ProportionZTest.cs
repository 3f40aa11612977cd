using MathNet.Numerics.Distributions;

namespace MlopsServerless.Core.Drift.Statistics;

/// <summary>
/// The two-proportion z-test (pooled), two-sided: z = (p₁ − p₂) / √(P(1 − P)(1/n₁ + 1/n₂)) with P the pooled proportion,
/// p = 2(1 − Φ(|z|)) from MathNet's <see cref="Normal"/> CDF. When every value on both sides is the same (P is 0 or 1)
/// there is nothing to compare: z = 0, p = 1 (never a division by zero).
/// </summary>
public static class ProportionZTest
{
    public static TestStatistic Compute(double referenceHits, double referenceCount, double currentHits, double currentCount)
    {
        if (referenceCount <= 0 || currentCount <= 0)
        {
            return new TestStatistic(0, 1);
        }

        double p1 = referenceHits / referenceCount;
        double p2 = currentHits / currentCount;
        double pooled = (referenceHits + currentHits) / (referenceCount + currentCount);
        double variance = pooled * (1 - pooled) * (1 / referenceCount + 1 / currentCount);
        if (variance <= 0)
        {
            return new TestStatistic(0, 1);
        }

        double z = (p1 - p2) / Math.Sqrt(variance);
        return new TestStatistic(z, Math.Clamp(2 * (1 - Normal.CDF(0, 1, Math.Abs(z))), 0, 1));
    }
}
