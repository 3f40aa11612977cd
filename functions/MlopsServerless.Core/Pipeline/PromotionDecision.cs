using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

/// <summary>Whether a registered version became champion, against which champion, on which numbers.</summary>
public sealed record PromotionDecision(
    string Model,
    int Version,
    bool Promoted,
    string Reason,
    ModelMetrics CandidateMetrics,
    int? ChampionVersion,
    ModelMetrics? ChampionMetrics);
