using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// Whether a registered version became champion, against which champion, on which numbers: overall, per segment
/// (the challenger's and the champion's on the same rows), and whether the loaded artifact passed its smoke test.
/// </summary>
public sealed record PromotionDecision(
    string Model,
    int Version,
    bool Promoted,
    string Reason,
    ModelMetrics CandidateMetrics,
    int? ChampionVersion,
    ModelMetrics? ChampionMetrics,
    IReadOnlyList<SegmentComparison>? Segments = null,
    bool SmokeTestPassed = true);

/// <summary>One segment's primary metric for the challenger and (when scored) the champion.</summary>
public sealed record SegmentComparison(string Segment, double Challenger, double? Champion);
