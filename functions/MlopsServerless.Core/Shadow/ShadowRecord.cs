using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Shadow;

/// <summary>
/// One live request also scored by the challenger: both versions, the rows, how many rows both answered alike, and the
/// challenger's predictions (joined to feedback later for its live metrics).
/// </summary>
public sealed record ShadowRecord(
    string Model,
    string RequestId,
    DateTimeOffset ServedAt,
    int ChampionVersion,
    int ChallengerVersion,
    int Rows,
    int Agreements,
    IReadOnlyList<Prediction> ChallengerPredictions);

/// <summary>A served champion request waiting to be shadow-scored.</summary>
public sealed record ShadowRequest(PredictionLogEntry Served);
