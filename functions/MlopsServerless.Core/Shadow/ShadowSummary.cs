using MlopsServerless.Core.Feedback;

namespace MlopsServerless.Core.Shadow;

/// <summary>
/// The evidence for promoting a challenger, per challenger version over a window: requests and rows scored, the share of
/// rows both models answered alike, and — on the shadowed rows whose true labels came back — both models' live metrics.
/// </summary>
public sealed record ShadowSummary(string Model, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ShadowComparison> Challengers);

public sealed record ShadowComparison(
    int ChallengerVersion,
    int Requests,
    int Rows,
    double Agreement,
    int LabelledRows,
    IReadOnlyDictionary<string, double>? ChampionLiveMetrics,
    IReadOnlyDictionary<string, double>? ChallengerLiveMetrics);
