using System.Text.Json.Serialization;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// One move of an alias, as its history keeps it: the alias's <see cref="Sequence"/>-th move (1, 2, …), to
/// <see cref="Version"/> from <see cref="PreviousVersion"/> (null for the first), when, by whom (the caller's principal,
/// <c>operator</c>, or <c>pipeline</c> for automatic promotion) and why.
/// </summary>
public sealed record AliasMove(
    string Model,
    string Alias,
    int Sequence,
    int Version,
    int? PreviousVersion,
    DateTimeOffset MovedAt,
    string MovedBy,
    string Reason)
{
    /// <summary><see cref="MovedBy"/> of the automatic promotion.</summary>
    public const string ByPipeline = "pipeline";

    /// <summary><see cref="MovedBy"/> of an operator's call that names no principal.</summary>
    public const string ByOperator = "operator";
}

/// <summary>Where an alias points now: its latest move, and the test metrics of the version it holds.</summary>
public sealed record ModelAlias(AliasMove Move, ModelMetrics Metrics)
{
    [JsonIgnore] public string Model => Move.Model;
    [JsonIgnore] public string Name => Move.Alias;
    [JsonIgnore] public int Version => Move.Version;
}
