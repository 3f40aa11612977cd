using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>What a training run hands the registry: lineage, the chosen candidate, its model card. The registry gives it the next version number.</summary>
public sealed record ModelRegistration(Lineage Lineage, CandidateResult Chosen, ModelCard Card, DateTimeOffset TrainedAt);
