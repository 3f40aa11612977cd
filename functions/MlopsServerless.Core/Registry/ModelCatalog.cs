using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Runs;

namespace MlopsServerless.Core.Registry;

/// <summary>Read side of the registry for the admin API.</summary>
public sealed class ModelCatalog(ModelRegistry registry, TrainingRunStore runs, DriftReportStore drift)
{
    const int RecentRuns = 20;

    public Task<IReadOnlyList<Champion>> ListChampionsAsync(CancellationToken cancellationToken) =>
        registry.ListChampionsAsync(cancellationToken);

    /// <summary>The model's overview, or null when nothing was ever uploaded or registered for it.</summary>
    public async Task<ModelOverview?> GetOverviewAsync(string model, CancellationToken cancellationToken)
    {
        IReadOnlyList<ModelVersion> versions = await registry.ListVersionsAsync(model, cancellationToken);
        IReadOnlyList<TrainingRun> modelRuns = await runs.ListAsync(model, cancellationToken);
        if (versions.Count == 0 && modelRuns.Count == 0)
        {
            return null;
        }

        Champion? champion = await registry.GetChampionAsync(model, cancellationToken);
        return new ModelOverview(
            model,
            champion,
            versions.FirstOrDefault(v => v.Version == champion?.Version),
            await drift.GetLatestAsync(model, cancellationToken),
            versions.OrderByDescending(v => v.Version)
                .Select(v => new ModelVersionSummary(v.Version, v.Metrics.PrimaryMetric, v.Metrics.PrimaryValue, v.DataSha256, v.RunId, v.RegisteredAt))
                .ToList(),
            modelRuns.Take(RecentRuns).ToList());
    }

    public Task<ModelVersion?> GetVersionAsync(string model, int version, CancellationToken cancellationToken) =>
        registry.GetVersionAsync(model, version, cancellationToken);

    public Task<IReadOnlyList<TrainingRun>> ListRunsAsync(string model, CancellationToken cancellationToken) =>
        runs.ListAsync(model, cancellationToken);
}
