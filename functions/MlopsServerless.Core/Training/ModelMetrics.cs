namespace MlopsServerless.Core.Training;

/// <summary>
/// A model's quality on a test set: the primary metric that decides promotion, and every metric computed.
/// </summary>
public sealed record ModelMetrics(string PrimaryMetric, double PrimaryValue, bool HigherIsBetter, int TestRows,
    IReadOnlyDictionary<string, double> Values)
{
    /// <summary>True when this is strictly better than <paramref name="other"/> on the same primary metric.</summary>
    public bool Beats(ModelMetrics other)
    {
        if (other.PrimaryMetric != PrimaryMetric)
        {
            throw new InvalidOperationException($"Cannot compare {PrimaryMetric} with {other.PrimaryMetric}.");
        }

        if (double.IsNaN(other.PrimaryValue))
        {
            return !double.IsNaN(PrimaryValue);
        }

        return HigherIsBetter ? PrimaryValue > other.PrimaryValue : PrimaryValue < other.PrimaryValue;
    }
}
