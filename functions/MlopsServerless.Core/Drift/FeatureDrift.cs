using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// One column's drift in a window (a feature, or the predictions): the <see cref="Method"/> that decided, its
/// <see cref="Statistic"/> (KS D, χ², |z|, a distance or PSI) and <see cref="PValue"/> (tests only), the
/// <see cref="Threshold"/> it is held to (p below it, or a distance at or above it, is drift) and whether it
/// <see cref="Drifted"/>; PSI over the profile's bins whatever the method; how many values were compared on each side
/// (<see cref="DriftReportStatus.InsufficientData"/>, no statistic and no drift, when either side has fewer than
/// <c>MLOPS_DRIFT_MIN_SAMPLES</c>); missing shares at training and now; and (categorical) how many served values were
/// categories never seen in training.
/// </summary>
public sealed record FeatureDrift(
    ColumnKind Kind,
    DriftReportStatus Status,
    DriftMethod Method,
    double? Statistic,
    double? PValue,
    double Threshold,
    bool Drifted,
    double Psi,
    int ReferenceCount,
    int ObservedCount,
    double ExpectedMissingShare,
    double ObservedMissingShare,
    int? UnseenCategories);
