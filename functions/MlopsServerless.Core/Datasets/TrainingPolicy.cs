namespace MlopsServerless.Core.Datasets;

/// <summary>
/// How a run searches and when its result may replace the champion: the candidate budget and time limit, the segment
/// columns with metrics of their own, the floor a segment must reach and how far below the champion's it may fall,
/// and the least improvement over the champion.
/// </summary>
public sealed record TrainingPolicy(
    int Candidates,
    int TimeLimitSeconds,
    IReadOnlyList<string> SegmentColumns,
    double? SegmentFloor,
    double SegmentTolerance,
    double MinImprovement)
{
    public const double DefaultSegmentTolerance = 0.05;

    public static TrainingPolicy Default { get; } = new(6, 1800, [], null, DefaultSegmentTolerance, 0);

    public bool Equals(TrainingPolicy? other) =>
        other is not null && Candidates == other.Candidates && TimeLimitSeconds == other.TimeLimitSeconds
        && SegmentColumns.SequenceEqual(other.SegmentColumns) && SegmentFloor == other.SegmentFloor
        && SegmentTolerance == other.SegmentTolerance && MinImprovement == other.MinImprovement;

    public override int GetHashCode() => HashCode.Combine(Candidates, TimeLimitSeconds, SegmentColumns.Count, MinImprovement);
}
