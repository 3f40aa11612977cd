using MlopsServerless.Core.Registry;

namespace MlopsServerless.Core.Pipeline;

/// <summary>
/// A registered version to consider for promotion, and the run's progress so far, its promotion step still open: the
/// step ends when the decision is stored with the run.
/// </summary>
public sealed record PromotionRequest(ModelVersion Version, RunProgress? Progress = null);
