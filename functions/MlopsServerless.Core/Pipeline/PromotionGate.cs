using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// The rules a challenger must pass, beyond loading and scoring: beat the champion's primary metric by at least the
/// policy's minimum improvement (both on the challenger's test rows), keep every segment at or above the floor, and no
/// segment worse than the champion's same segment by more than the tolerance. Each refusal names what failed.
/// </summary>
public static class PromotionGate
{
    /// <summary>Why the challenger may not replace the champion, or null when it may.</summary>
    public static string? Refuse(TrainingPolicy policy, ModelMetrics challenger, ModelMetrics? champion, IReadOnlyList<SegmentMetrics> challengerSegments,
        IReadOnlyList<SegmentMetrics> championSegments)
    {
        if (champion is not null && (champion.PrimaryMetric != challenger.PrimaryMetric || !challenger.Beats(champion, policy.MinImprovement)))
        {
            string margin = policy.MinImprovement > 0 ? $" by at least {policy.MinImprovement}" : string.Empty;
            return $"{Describe(challenger)} does not beat the champion's {Describe(champion)}{margin}";
        }

        foreach (SegmentMetrics segment in challengerSegments)
        {
            ModelMetrics m = segment.Metrics;
            if (policy.SegmentFloor is { } floor && (m.HigherIsBetter ? m.PrimaryValue < floor : m.PrimaryValue > floor))
            {
                return $"segment {segment.Name}: {Describe(m)} is {(m.HigherIsBetter ? "below" : "above")} the floor {floor}";
            }

            SegmentMetrics? same = championSegments.FirstOrDefault(s => s.Name == segment.Name);
            if (same is not null && same.Metrics.PrimaryMetric == m.PrimaryMetric)
            {
                double worse = m.HigherIsBetter ? same.Metrics.PrimaryValue - m.PrimaryValue : m.PrimaryValue - same.Metrics.PrimaryValue;
                if (worse > policy.SegmentTolerance)
                {
                    return $"segment {segment.Name}: {Describe(m)} is worse than the champion's {same.Metrics.PrimaryValue:0.####} " +
                        $"by more than {policy.SegmentTolerance}";
                }
            }
        }

        return null;
    }

    public static string Describe(ModelMetrics metrics) => $"{metrics.PrimaryMetric} {metrics.PrimaryValue:0.####}";
}
