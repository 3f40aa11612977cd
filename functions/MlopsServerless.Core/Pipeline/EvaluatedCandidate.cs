using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Pipeline;

public sealed record EvaluatedCandidate(TrainedCandidate Candidate, ModelMetrics Metrics);
