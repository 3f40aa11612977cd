using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Dashboard;

/// <summary>
/// Reads what the dashboard shows from the registry, the drift reports, the feedback and the runs, bounded by
/// <see cref="DashboardLimits"/>, into a <see cref="DashboardView"/>. It writes nothing.
/// </summary>
public sealed class DashboardReader(
    ModelRegistry registry,
    DriftReportStore driftReports,
    FeedbackStore feedback,
    TrainingRunStore runs,
    TimeProvider time)
{
    /// <summary>Every champion's model by name (at most <see cref="DashboardLimits.MaxModels"/>), or only <paramref name="model"/> when given.</summary>
    public async Task<DashboardView> ReadAsync(string? model, CancellationToken cancellationToken)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (model is not null)
        {
            ModelView? one = await ReadModelAsync(model, cancellationToken);
            return new DashboardView(now, model, one is null ? [] : [one]);
        }

        string[] names = (await registry.ListChampionsAsync(cancellationToken)).Select(c => c.Model).Order(StringComparer.Ordinal).ToArray();
        var models = new List<ModelView>();
        foreach (string name in names.Take(DashboardLimits.MaxModels))
        {
            if (await ReadModelAsync(name, cancellationToken) is { } view)
            {
                models.Add(view);
            }
        }

        return new DashboardView(now, null, models, Math.Max(0, names.Length - DashboardLimits.MaxModels));
    }

    /// <summary>One model's view, or null when nothing was ever registered or run for it.</summary>
    async Task<ModelView?> ReadModelAsync(string model, CancellationToken cancellationToken)
    {
        IReadOnlyList<ModelVersion> versions = await registry.ListVersionsAsync(model, cancellationToken);
        IReadOnlyList<TrainingRun> modelRuns = await runs.ListAsync(model, cancellationToken);
        if (versions.Count == 0 && modelRuns.Count == 0)
        {
            return null;
        }

        IReadOnlyList<ModelAlias> aliases = await registry.ListAliasesAsync(model, cancellationToken);
        IReadOnlyList<AliasMove> moves = await registry.ListAliasHistoryAsync(model, cancellationToken);
        IReadOnlyList<DriftReport> reports = await driftReports.ListAsync(model, DashboardLimits.MaxDriftReports, cancellationToken);
        var byVersion = versions.ToDictionary(v => v.Version);
        ModelTask? task = versions.OrderByDescending(v => v.Version).Select(v => (ModelTask?)v.Spec.Task).FirstOrDefault();

        PerformancePoint?[] performance = await Task.WhenAll(reports.OrderBy(r => r.WindowEnd)
            .Where(r => byVersion.ContainsKey(r.ChampionVersion))
            .Select(r => PerformanceAsync(r, byVersion[r.ChampionVersion], cancellationToken)));

        return new ModelView(
            model,
            task,
            aliases.FirstOrDefault(a => a.Name == AliasName.Champion)?.Version,
            versions.OrderBy(v => v.Version).Select(v => ToView(v, aliases)).ToList(),
            ServingSpans(moves.Concat(aliases.Select(a => a.Move)).DistinctBy(m => (m.Alias, m.Sequence))),
            reports.OrderBy(r => r.WindowEnd).Select(ToWindow).ToList(),
            performance.OfType<PerformancePoint>().ToList(),
            modelRuns.Take(DashboardLimits.MaxRuns).Select(r => new RunView(r.RunId, r.Status, r.UpdatedAt, r.Version, r.Message,
                r.Progress?.Steps ?? [])).ToList());
    }

    /// <summary>Each alias's moves in order become spans: a holder serves from its move until the next move of that alias.</summary>
    internal static IReadOnlyList<ServingSpan> ServingSpans(IEnumerable<AliasMove> moves) =>
        moves.GroupBy(m => m.Alias, StringComparer.Ordinal)
            .OrderBy(g => g.Key == AliasName.Champion ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(alias =>
            {
                AliasMove[] ordered = alias.OrderBy(m => m.Sequence).ToArray();
                return ordered.Select((m, i) => new ServingSpan(m.Alias, m.Version, m.MovedAt,
                    i + 1 < ordered.Length ? ordered[i + 1].MovedAt : null, m.MovedBy, m.Reason));
            })
            .ToList();

    /// <summary>The window's estimate and its live metric, from its own labels (one bounded range query per window, run side by side).</summary>
    async Task<PerformancePoint?> PerformanceAsync(DriftReport report, ModelVersion version, CancellationToken cancellationToken)
    {
        ModelTask task = version.Spec.Task;
        string metric = task == ModelTask.Regression ? "rmse" : "accuracy";
        double? test = version.Metrics.Values.TryGetValue(metric, out double t) ? t
            : task == ModelTask.Multiclass && version.Metrics.Values.TryGetValue("microAccuracy", out double micro) ? micro : null;
        IReadOnlyList<FeedbackRecord> labels = (await feedback.ReadAsync(report.Model, report.WindowStart, report.WindowEnd,
                DashboardLimits.MaxFeedbackPerWindow, cancellationToken))
            .Where(r => r.Version == report.ChampionVersion).ToList();
        double? live = labels.Count > 0 && LiveMetrics.Compute(task, labels).TryGetValue(metric, out double l) ? l : null;
        double? estimated = report.Health?.EstimatedAccuracy;
        return live is null && estimated is null
            ? null
            : new PerformancePoint(report.WindowEnd, report.ChampionVersion, metric, estimated, live, labels.Count, test ?? report.Health?.TestAccuracy,
                report.Health?.MaxDrop);
    }

    static VersionView ToView(ModelVersion version, IReadOnlyList<ModelAlias> aliases) => new(
        version.Version,
        version.RegisteredAt,
        version.Registration.Chosen.Config.Trainer.ToString(),
        version.Metrics,
        aliases.Where(a => a.Version == version.Version).Select(a => a.Name).ToList(),
        version.IsArchived,
        version.Tags ?? new Dictionary<string, string>(),
        version.Registration.Card.Importance,
        version.Registration.Card.Fit.Verdict);

    static DriftWindow ToWindow(DriftReport report) => new(report.WindowStart, report.WindowEnd, report.ChampionVersion, report.Status,
        report.SampleCount, report.DriftDetected, report.Features, report.Prediction, report.Action);
}
