namespace MlopsServerless.Core.Drift.Statistics;

/// <summary>
/// The first Wasserstein (earth mover's) distance between two samples, ∫ |F_a(x) − F_b(x)| dx over their empirical CDFs,
/// and Evidently's normed form: divided by the reference's population standard deviation (at least 0.001), so 0.1 means
/// "moved by a tenth of a standard deviation" whatever the column's unit.
/// </summary>
public static class WassersteinDistance
{
    public const double MinimumDeviation = 0.001;

    public static double Normed(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        double[] finite = reference.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return 0;
        }

        double mean = finite.Average();
        double deviation = Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / finite.Length);
        return Compute(finite, current) / Math.Max(deviation, MinimumDeviation);
    }

    public static double Compute(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        double[] a = FiniteValues.Sorted(reference);
        double[] b = FiniteValues.Sorted(current);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        // Walk the merged values; between consecutive ones both CDFs are constant.
        int i = 0, j = 0;
        double distance = 0;
        double previous = Math.Min(a[0], b[0]);
        while (i < a.Length || j < b.Length)
        {
            double x = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            distance += Math.Abs(i / (double)a.Length - j / (double)b.Length) * (x - previous);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            previous = x;
        }

        return distance;
    }
}
