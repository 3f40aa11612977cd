namespace MlopsServerless.Core.Drift;

/// <summary>A model's drift reports computed in [<see cref="From"/>, <see cref="To"/>], newest first, each with the action taken on it.</summary>
public sealed record DriftHistory(string Model, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DriftReport> Reports);
