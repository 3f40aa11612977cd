using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Registry;

/// <summary>Read side of the registry for the admin API.</summary>
public sealed class ModelCatalog(ModelRegistry registry, TrainingRunStore runs, DriftReportStore drift, StorageClients storage)
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

        IReadOnlyList<ModelAlias> aliases = await registry.ListAliasesAsync(model, cancellationToken);
        ModelAlias? champion = aliases.FirstOrDefault(a => a.Name == AliasName.Champion);
        return new ModelOverview(
            model,
            champion is null ? null : Champion.From(champion),
            versions.FirstOrDefault(v => v.Version == champion?.Version),
            aliases,
            await drift.GetLatestAsync(model, cancellationToken),
            await drift.GetLatestActionAsync(model, cancellationToken),
            versions.OrderByDescending(v => v.Version)
                .Select(v => new ModelVersionSummary(v.Version, v.Metrics.PrimaryMetric, v.Metrics.PrimaryValue, v.DataSha256, v.RunId,
                    v.RegisteredAt, HeldBy(aliases, v.Version), v.IsArchived, v.Tags))
                .ToList(),
            modelRuns.Take(RecentRuns).ToList());
    }

    /// <summary>The model's drift reports computed in the window, newest first, or null when the model has no registered version.</summary>
    public async Task<DriftHistory?> GetDriftHistoryAsync(string model, DriftHistoryWindow window, CancellationToken cancellationToken) =>
        (await registry.ListVersionsAsync(model, cancellationToken)).Count == 0
            ? null
            : new DriftHistory(model, window.From, window.To, await drift.ListAsync(model, window.From, window.To, cancellationToken));

    /// <summary>The version's model card, or null when it is not registered.</summary>
    public async Task<ModelVersionCard?> GetVersionCardAsync(string model, int version, CancellationToken cancellationToken)
    {
        if (await registry.GetVersionAsync(model, version, cancellationToken) is not { } registered)
        {
            return null;
        }

        IReadOnlyList<ModelAlias> aliases = await registry.ListAliasesAsync(model, cancellationToken);
        IReadOnlyList<AliasMove> history = (await registry.ListAliasHistoryAsync(model, cancellationToken))
            .Where(m => m.Version == version || m.PreviousVersion == version)
            .OrderByDescending(m => m.MovedAt).ThenBy(m => m.Alias, StringComparer.Ordinal).ThenByDescending(m => m.Sequence)
            .ToList();
        string report = registered.Registration.Lineage.ValidationReportBlob;
        return new ModelVersionCard(registered, HeldBy(aliases, version), history, new ValidationReportLink(report, storage.Blob(report).Uri));
    }

    public Task<ModelAlias?> GetAliasAsync(string model, string alias, CancellationToken cancellationToken) =>
        registry.GetAliasAsync(model, alias, cancellationToken);

    public Task<IReadOnlyList<ModelAlias>> ListAliasesAsync(string model, CancellationToken cancellationToken) =>
        registry.ListAliasesAsync(model, cancellationToken);

    public Task<IReadOnlyList<AliasMove>> GetAliasHistoryAsync(string model, string alias, CancellationToken cancellationToken) =>
        registry.GetAliasHistoryAsync(model, alias, cancellationToken);

    public Task<IReadOnlyList<TrainingRun>> ListRunsAsync(string model, CancellationToken cancellationToken) =>
        runs.ListAsync(model, cancellationToken);

    static IReadOnlyList<string> HeldBy(IReadOnlyList<ModelAlias> aliases, int version) =>
        aliases.Where(a => a.Version == version).Select(a => a.Name).ToList();
}
