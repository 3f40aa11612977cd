namespace MlopsServerless.Core.Drift.Statistics;

/// <summary>
/// The Jensen–Shannon distance √JSD(P‖Q) with base-2 logarithms (between 0, identical, and 1, disjoint), as Evidently's
/// <c>jensenshannon</c> (scipy's <c>jensenshannon(p, q, base=2)</c>). The inputs are counts or proportions over the
/// same bins and are normalised here; an empty bin contributes 0 (0 · log 0 = 0), so the value is always finite.
/// </summary>
public static class JensenShannonDistance
{
    public static double Compute(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        if (reference.Count != current.Count)
        {
            throw new ArgumentException($"Bin counts differ: reference {reference.Count}, current {current.Count}.", nameof(current));
        }

        double referenceTotal = reference.Sum();
        double currentTotal = current.Sum();
        if (referenceTotal <= 0 || currentTotal <= 0)
        {
            return 0;
        }

        double divergence = 0;
        for (int i = 0; i < reference.Count; i++)
        {
            double p = reference[i] / referenceTotal;
            double q = current[i] / currentTotal;
            double m = (p + q) / 2;
            divergence += (Part(p, m) + Part(q, m)) / 2;
        }

        return Math.Sqrt(Math.Max(0, divergence));
    }

    static double Part(double p, double m) => p > 0 ? p * Math.Log2(p / m) : 0;
}
