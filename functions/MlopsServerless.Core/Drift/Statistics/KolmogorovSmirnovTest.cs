namespace MlopsServerless.Core.Drift.Statistics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test. The statistic D is the largest distance between the two empirical CDFs (ties
/// handled by stepping over equal values together). MathNet.Numerics has no Kolmogorov distribution, so the p-value is
/// the asymptotic Kolmogorov series Q(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²} at λ = (√nₑ + 0.12 + 0.11/√nₑ)·D with
/// nₑ = n·m/(n+m) (Stephens' small-sample correction, as in Numerical Recipes' <c>kstwo</c>); it is close to the exact
/// value from about 20 values a side. scipy's <c>ks_2samp</c> (what Evidently calls) computes the exact p-value for
/// small samples, so p-values can differ in the second digit there; D is the same.
/// </summary>
public static class KolmogorovSmirnovTest
{
    public static TestStatistic Compute(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        double[] a = Sorted(reference);
        double[] b = Sorted(current);
        if (a.Length == 0 || b.Length == 0)
        {
            return new TestStatistic(0, 1);
        }

        double d = Statistic(a, b);
        double effective = a.Length * (double)b.Length / (a.Length + b.Length);
        double root = Math.Sqrt(effective);
        return new TestStatistic(d, KolmogorovSurvival((root + 0.12 + 0.11 / root) * d));
    }

    /// <summary>sup |F_a(x) − F_b(x)| over sorted samples.</summary>
    static double Statistic(double[] a, double[] b)
    {
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            double x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(i / (double)a.Length - j / (double)b.Length));
        }

        return d;
    }

    /// <summary>P(K &gt; λ) for the Kolmogorov distribution K; 1 at λ = 0, e.g. 0.05 at λ ≈ 1.3581, 0.01 at λ ≈ 1.6276.</summary>
    public static double KolmogorovSurvival(double lambda)
    {
        if (lambda < 0.2)
        {
            return 1; // the alternating series converges slowly there, and the value is 1 to 15 digits
        }

        double sum = 0, sign = 1;
        for (int j = 1; j <= 100; j++)
        {
            double term = sign * Math.Exp(-2 * j * j * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-16 * Math.Max(sum, 1e-300))
            {
                break;
            }

            sign = -sign;
        }

        return Math.Clamp(2 * sum, 0, 1);
    }

    static double[] Sorted(IReadOnlyList<double> values) => FiniteValues.Sorted(values);
}
