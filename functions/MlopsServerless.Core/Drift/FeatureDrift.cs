using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// One feature's drift in a window: PSI against its training profile and whether it reaches the threshold, missing
/// shares at training and now, and (categorical) how many served values were categories never seen in training.
/// </summary>
public sealed record FeatureDrift(ColumnKind Kind, double Psi, bool Drifted, double ExpectedMissingShare, double ObservedMissingShare,
    int? UnseenCategories);
