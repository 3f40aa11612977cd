using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// The version a model serves (the holder of its <c>champion</c> alias), with the metrics that won it the place, when
/// and why it got there, and the version it replaced.
/// </summary>
public sealed record Champion(string Model, int Version, ModelMetrics Metrics, DateTimeOffset PromotedAt, string Reason, int? PreviousVersion)
{
    public static Champion From(ModelAlias alias) =>
        new(alias.Model, alias.Version, alias.Metrics, alias.Move.MovedAt, alias.Move.Reason, alias.Move.PreviousVersion);
}
