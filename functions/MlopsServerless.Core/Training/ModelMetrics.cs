namespace MlopsServerless.Core.Training;

/// <summary>
/// A model's quality on a test set: the primary metric that decides promotion, and every finite metric computed
/// (an infinite log-loss on a tiny test set is left out: JSON, and so storage and orchestration history, cannot hold it).
/// </summary>
public sealed record ModelMetrics(string PrimaryMetric, double PrimaryValue, bool HigherIsBetter, int TestRows,
    IReadOnlyDictionary<string, double> Values)
{
    public IReadOnlyDictionary<string, double> Values { get; init; } =
        Values.Where(v => double.IsFinite(v.Value)).ToDictionary(v => v.Key, v => v.Value);

    /// <summary>True when this is strictly better than <paramref name="other"/> on the same primary metric.</summary>
    public bool Beats(ModelMetrics other) => Beats(other, 0);

    /// <summary>True when this is strictly better than <paramref name="other"/> by at least <paramref name="margin"/>.</summary>
    public bool Beats(ModelMetrics other, double margin)
    {
        if (other.PrimaryMetric != PrimaryMetric)
        {
            throw new InvalidOperationException($"Cannot compare {PrimaryMetric} with {other.PrimaryMetric}.");
        }

        if (double.IsNaN(other.PrimaryValue))
        {
            return !double.IsNaN(PrimaryValue);
        }

        return HigherIsBetter
            ? PrimaryValue > other.PrimaryValue && PrimaryValue - other.PrimaryValue >= margin
            : PrimaryValue < other.PrimaryValue && other.PrimaryValue - PrimaryValue >= margin;
    }
}
