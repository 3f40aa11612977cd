using Microsoft.Extensions.Logging;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// What operators change about a registered version: its tags, and whether it is archived. Each change replaces the
/// version's row under its ETag (re-read and retried when something else wrote it first). A version is never deleted.
/// </summary>
public sealed class ModelVersions(ModelRegistry registry, TimeProvider time, ILogger<ModelVersions> logger)
{
    const int MaxAttempts = 16;

    /// <summary>
    /// Archives a version: kept and readable, but no alias may point at it and it is not served. Refused while an alias
    /// holds it (the conflict names the aliases). Archiving an archived version changes nothing.
    /// </summary>
    public async Task<RegistryChange<ModelVersion>> ArchiveAsync(string model, int version, string archivedBy, string reason,
        CancellationToken cancellationToken)
    {
        RegistryChange<ModelVersion> change = await ChangeAsync(model, version, async (current, token) =>
        {
            if (current.IsArchived)
            {
                return new Edit(current);
            }

            // Read after the version: a move to it that lands in between rewrites the version's row, so the replace fails and this reads again.
            string[] holders = (await registry.ListAliasesAsync(model, token)).Where(a => a.Version == version).Select(a => $"'{a.Name}'").ToArray();
            return holders.Length == 0
                ? new Edit(current with { Archived = new Archival(time.GetUtcNow(), archivedBy, reason) })
                : new Edit(null, $"{model} v{version} is held by alias {string.Join(", ", holders)}: move "
                    + (holders.Length == 1 ? "it" : "them") + " to another version before archiving.");
        }, cancellationToken);

        if (change is RegistryChange<ModelVersion>.Applied)
        {
            logger.LogWarning("{ArchivedBy} archived {Model} v{Version}: {Reason}", archivedBy, model, version, reason);
        }

        return change;
    }

    /// <summary>Makes an archived version servable again (and a valid alias target). Unarchiving a version that is not archived changes nothing.</summary>
    public async Task<RegistryChange<ModelVersion>> UnarchiveAsync(string model, int version, string unarchivedBy, CancellationToken cancellationToken)
    {
        RegistryChange<ModelVersion> change = await ChangeAsync(model, version,
            (current, _) => Task.FromResult(new Edit(current with { Archived = null })), cancellationToken);
        if (change is RegistryChange<ModelVersion>.Applied)
        {
            logger.LogWarning("{UnarchivedBy} unarchived {Model} v{Version}", unarchivedBy, model, version);
        }

        return change;
    }

    /// <summary>Replaces the version's tags (an empty set removes them all). The tags must pass <see cref="VersionTags"/>' rules.</summary>
    public Task<RegistryChange<ModelVersion>> SetTagsAsync(string model, int version, IReadOnlyDictionary<string, string> tags,
        CancellationToken cancellationToken)
    {
        if (!VersionTags.AreValid(tags))
        {
            throw new ArgumentException("The tags break the rules of VersionTags; check them with VersionTags.Parse first.", nameof(tags));
        }

        IReadOnlyDictionary<string, string>? stored = tags.Count == 0 ? null : new SortedDictionary<string, string>(tags.ToDictionary(), StringComparer.Ordinal);
        return ChangeAsync(model, version, (current, _) => Task.FromResult(new Edit(current with { Tags = stored })), cancellationToken);
    }

    /// <summary>Reads the version, asks <paramref name="edit"/> for its new record (or a conflict) and replaces the row under the ETag read.</summary>
    async Task<RegistryChange<ModelVersion>> ChangeAsync(string model, int version, Func<ModelVersion, CancellationToken, Task<Edit>> edit,
        CancellationToken cancellationToken)
    {
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await registry.GetVersionStateAsync(model, version, cancellationToken) is not { } state)
            {
                return new RegistryChange<ModelVersion>.NotFound($"Model '{model}' has no version {version}.");
            }

            Edit result = await edit(state.Version, cancellationToken);
            if (result.Updated is not { } updated)
            {
                return new RegistryChange<ModelVersion>.Conflict(result.Conflict!);
            }

            if (updated == state.Version || await registry.TryReplaceVersionAsync(state, updated, cancellationToken))
            {
                return new RegistryChange<ModelVersion>.Applied(updated);
            }
        }

        return new RegistryChange<ModelVersion>.Conflict($"{model} v{version} kept changing under this request ({MaxAttempts} attempts); try again.");
    }

    /// <summary>The new record of a version, or why it may not change.</summary>
    sealed record Edit(ModelVersion? Updated, string? Conflict = null);
}
