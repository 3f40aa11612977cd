using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Registry;

/// <summary>Everything about one model at a glance: its champion, its aliases, its versions, its latest drift report and recent runs.</summary>
public sealed record ModelOverview(
    string Model,
    Champion? Champion,
    ModelVersion? ChampionVersion,
    IReadOnlyList<ModelAlias> Aliases,
    DriftReport? LatestDrift,
    IReadOnlyList<ModelVersionSummary> Versions,
    IReadOnlyList<TrainingRun> RecentRuns);

public sealed record ModelVersionSummary(int Version, string PrimaryMetric, double PrimaryValue, string DataSha256, string RunId,
    DateTimeOffset RegisteredAt, IReadOnlyList<string> Aliases, bool Archived, IReadOnlyDictionary<string, string>? Tags);
