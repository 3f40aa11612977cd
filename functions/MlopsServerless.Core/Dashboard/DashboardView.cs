using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Dashboard;

/// <summary>
/// What the dashboard shows, read from the stores once per request: every model asked for (all champions, or the one
/// <see cref="Filter"/> names), as of <see cref="GeneratedAt"/>. <see cref="OmittedModels"/> counts models beyond
/// <see cref="DashboardLimits.MaxModels"/>.
/// </summary>
public sealed record DashboardView(DateTimeOffset GeneratedAt, string? Filter, IReadOnlyList<ModelView> Models, int OmittedModels = 0);

/// <summary>One model: its versions, which version each alias held when, drift and performance per drift window, recent runs.</summary>
public sealed record ModelView(
    string Model,
    ModelTask? Task,
    int? ChampionVersion,
    IReadOnlyList<VersionView> Versions,
    IReadOnlyList<ServingSpan> Serving,
    IReadOnlyList<DriftWindow> Drift,
    IReadOnlyList<PerformancePoint> Performance,
    IReadOnlyList<RunView> Runs);

/// <summary>A registered version: when, its test metrics, the aliases holding it now, its tags, its permutation importance and fit verdict.</summary>
public sealed record VersionView(
    int Version,
    DateTimeOffset RegisteredAt,
    string Trainer,
    ModelMetrics Metrics,
    IReadOnlyList<string> Aliases,
    bool Archived,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, double> Importance,
    FitVerdict Fit);

/// <summary>An alias held <see cref="Version"/> from <see cref="From"/> until <see cref="To"/> (null: still holds it).</summary>
public sealed record ServingSpan(string Alias, int Version, DateTimeOffset From, DateTimeOffset? To, string MovedBy, string Reason);

/// <summary>
/// One drift report as a column of the heatmap: its window, the version it measured, every feature's verdict, and what
/// the monitor did about it (<see cref="Action"/>; null for reports stored before drift acted).
/// </summary>
public sealed record DriftWindow(
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int Version,
    DriftReportStatus Status,
    int SampleCount,
    bool DriftDetected,
    IReadOnlyDictionary<string, FeatureDrift> Features,
    FeatureDrift? Prediction,
    DriftActionTaken? Action = null);

/// <summary>
/// A version's quality in one drift window: <see cref="Estimated"/> without labels (the report's CBPE health, binary
/// classifiers), <see cref="Live"/> from the labels that came back as feedback for rows served in the window (over
/// <see cref="LabelledRows"/> of them), and <see cref="Test"/>, the version's metric on its test rows. An estimate more
/// than <see cref="MaxDrop"/> below the test value was reported as a drop.
/// </summary>
public sealed record PerformancePoint(DateTimeOffset WindowEnd, int Version, string Metric, double? Estimated, double? Live,
    int LabelledRows, double? Test, double? MaxDrop = null);

/// <summary>A training run: outcome, when it last changed, the version it registered, why it ended so, and each step's timing.</summary>
public sealed record RunView(string RunId, TrainingRunStatus Status, DateTimeOffset UpdatedAt, int? Version, string? Message,
    IReadOnlyList<StepTiming> Steps)
{
    public double? Seconds => Steps.Count > 0 && Steps.All(s => s.Seconds is not null) ? Math.Round(Steps.Sum(s => s.Seconds!.Value), 3) : null;
}
