using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// Everything about one model at a glance: its champion, its aliases, its versions, its latest drift report (the verdict
/// and the action taken on it), the latest report the monitor acted on (an alert or a retrain; it may be older), and
/// recent runs.
/// </summary>
public sealed record ModelOverview(
    string Model,
    Champion? Champion,
    ModelVersion? ChampionVersion,
    IReadOnlyList<ModelAlias> Aliases,
    DriftReport? LatestDrift,
    DriftReport? LatestDriftAction,
    IReadOnlyList<ModelVersionSummary> Versions,
    IReadOnlyList<TrainingRun> RecentRuns);

public sealed record ModelVersionSummary(int Version, string PrimaryMetric, double PrimaryValue, string DataSha256, string RunId,
    DateTimeOffset RegisteredAt, IReadOnlyList<string> Aliases, bool Archived, IReadOnlyDictionary<string, string>? Tags);
