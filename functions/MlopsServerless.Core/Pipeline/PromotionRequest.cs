using MlopsServerless.Core.Registry;

namespace MlopsServerless.Core.Pipeline;

/// <summary>A registered version to consider for promotion, and the run's progress so far (stored with the run's final state).</summary>
public sealed record PromotionRequest(ModelVersion Version, RunProgress? Progress = null);
