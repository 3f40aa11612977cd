using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>The version a model serves, with the metrics that won it the place and why it was promoted.</summary>
public sealed record Champion(string Model, int Version, ModelMetrics Metrics, DateTimeOffset PromotedAt, string Reason, int? PreviousVersion);
