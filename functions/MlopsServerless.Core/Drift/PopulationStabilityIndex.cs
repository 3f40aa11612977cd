namespace MlopsServerless.Core.Drift;

/// <summary>
/// PSI = Σ (actual − expected) · ln(actual / expected) over matching bins, with empty bins floored at a small epsilon.
/// Rule of thumb: below 0.1 stable, 0.1–0.2 moderate shift, above 0.2 significant shift.
/// </summary>
public static class PopulationStabilityIndex
{
    public const double Epsilon = 1e-4;

    public static double Compute(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        if (expected.Count != actual.Count)
        {
            throw new ArgumentException($"Bin counts differ: expected {expected.Count}, actual {actual.Count}.", nameof(actual));
        }

        double psi = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            double e = Math.Max(expected[i], Epsilon);
            double a = Math.Max(actual[i], Epsilon);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }
}
