using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// Model versions and their aliases in one table partition per model. Version numbers are handed out by an
/// ETag-guarded counter in the same transaction that writes the version, so they never repeat or skip; registering
/// the same run twice returns the first registration. An alias moves in one entity-group transaction that replaces its
/// row under If-Match (or adds it, the first time), adds the move's history row, and rewrites the target version's
/// <c>Archived</c> flag as false under that row's ETag: the move and its history land together or not at all, and a
/// move can never interleave with archiving its target.
/// </summary>
public sealed class ModelRegistry(StorageClients storage, TimeProvider time, ILogger<ModelRegistry> logger)
{
    const int MaxAttempts = 10;

    TableClient Table => storage.Table(StorageNames.Tables.ModelRegistry);

    public async Task<ModelVersion> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken)
    {
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            string model = registration.Lineage.Model;
            if (await FindByRunAsync(model, registration.Lineage.RunId, cancellationToken) is { } existing)
            {
                return existing;
            }

            NullableResponse<CounterEntity> counter = await Table.GetEntityIfExistsAsync<CounterEntity>(
                model, RegistryKeys.Counter, cancellationToken: cancellationToken);
            int version = (counter.HasValue ? counter.Value!.LatestVersion : 0) + 1;
            var registered = new ModelVersion(version, registration, time.GetUtcNow());

            var counterRow = new CounterEntity { PartitionKey = registration.Lineage.Model, RowKey = RegistryKeys.Counter, LatestVersion = version };
            var actions = new List<TableTransactionAction>
            {
                counter.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counterRow, counter.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, counterRow),
                new(TableTransactionActionType.Add, ToEntity(registered)),
                new(TableTransactionActionType.Add, new RunVersionEntity
                {
                    PartitionKey = registration.Lineage.Model, RowKey = RegistryKeys.Run(registration.Lineage.RunId), Version = version,
                }),
            };

            try
            {
                await Table.SubmitTransactionAsync(actions, cancellationToken);
                logger.LogInformation("Registered {Model} v{Version} from run {RunId}", registration.Lineage.Model, version, registration.Lineage.RunId);
                return registered;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
            {
                logger.LogInformation("Registering {Model} lost a race (attempt {Attempt}); retrying", registration.Lineage.Model, attempt);
            }
        }

        throw new InvalidOperationException($"Could not register a version of {registration.Lineage.Model} after {MaxAttempts} attempts.");
    }

    public async Task<ModelVersion?> GetVersionAsync(string model, int version, CancellationToken cancellationToken) =>
        (await GetVersionStateAsync(model, version, cancellationToken))?.Version;

    public async Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(string model, CancellationToken cancellationToken) =>
        await ListByPrefixAsync<VersionEntity, ModelVersion>(model, RegistryKeys.VersionPrefix, row => row.Json, cancellationToken);

    /// <summary>Whether a version is archived, reading only that flag (for serving); null when it is not registered.</summary>
    public async Task<bool?> IsArchivedAsync(string model, int version, CancellationToken cancellationToken)
    {
        NullableResponse<VersionEntity> row = await Table.GetEntityIfExistsAsync<VersionEntity>(
            model, RegistryKeys.Version(version), [nameof(VersionEntity.Archived)], cancellationToken);
        return row.HasValue ? row.Value!.Archived : null;
    }

    public async Task<Champion?> GetChampionAsync(string model, CancellationToken cancellationToken) =>
        await GetAliasAsync(model, AliasName.Champion, cancellationToken) is { } champion ? Champion.From(champion) : null;

    /// <summary>The champion of every model (the drift timer's and the model list's view).</summary>
    public async Task<IReadOnlyList<Champion>> ListChampionsAsync(CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter(
            $"RowKey eq {RegistryKeys.Alias(AliasName.Champion)} or RowKey eq {RegistryKeys.LegacyChampion}");
        var champions = new Dictionary<string, ModelAlias>(StringComparer.Ordinal);
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            string json = row.GetString(nameof(AliasEntity.Json));
            if (row.RowKey != RegistryKeys.LegacyChampion)
            {
                champions[row.PartitionKey] = StorageJson.Deserialize<ModelAlias>(json);
            }
            else
            {
                champions.TryAdd(row.PartitionKey, FromLegacy(json));
            }
        }

        return champions.Values.Select(Champion.From).ToList();
    }

    public async Task<ModelAlias?> GetAliasAsync(string model, string alias, CancellationToken cancellationToken) =>
        (await GetAliasStateAsync(model, alias, cancellationToken)).Current;

    /// <summary>Every alias of the model that was ever set, with its holder, by name.</summary>
    public async Task<IReadOnlyList<ModelAlias>> ListAliasesAsync(string model, CancellationToken cancellationToken)
    {
        List<ModelAlias> aliases = await ListByPrefixAsync<AliasEntity, ModelAlias>(model, RegistryKeys.AliasPrefix, row => row.Json, cancellationToken);
        if (aliases.All(a => a.Name != AliasName.Champion) && await GetLegacyChampionAsync(model, cancellationToken) is { } legacy)
        {
            aliases.Add(legacy);
        }

        return aliases.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every move of one alias, newest first.</summary>
    public Task<IReadOnlyList<AliasMove>> GetAliasHistoryAsync(string model, string alias, CancellationToken cancellationToken) =>
        QueryHistoryAsync(model, RegistryKeys.AliasHistoryOf(alias), cancellationToken);

    /// <summary>Every move of every alias of the model: by alias name, each alias's newest first.</summary>
    public Task<IReadOnlyList<AliasMove>> ListAliasHistoryAsync(string model, CancellationToken cancellationToken) =>
        QueryHistoryAsync(model, RegistryKeys.AliasHistoryPrefix, cancellationToken);

    internal async Task<VersionState?> GetVersionStateAsync(string model, int version, CancellationToken cancellationToken)
    {
        NullableResponse<VersionEntity> row = await Table.GetEntityIfExistsAsync<VersionEntity>(
            model, RegistryKeys.Version(version), cancellationToken: cancellationToken);
        return row.HasValue ? new VersionState(StorageJson.Deserialize<ModelVersion>(row.Value!.Json), row.Value.ETag) : null;
    }

    /// <summary>
    /// Replaces a version's record (its tags or archival; never its registration) if the row is unchanged since
    /// <paramref name="expected"/> was read. False when something else wrote it first (an alias move included).
    /// </summary>
    internal async Task<bool> TryReplaceVersionAsync(VersionState expected, ModelVersion updated, CancellationToken cancellationToken)
    {
        if (updated.Version != expected.Version.Version || updated.Registration != expected.Version.Registration)
        {
            throw new ArgumentException("Only a version's tags and archival may change.", nameof(updated));
        }

        try
        {
            await Table.UpdateEntityAsync(ToEntity(updated), expected.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412)
        {
            return false;
        }
    }

    /// <summary>Where an alias points, with the ETag a conditional move needs (null while the alias has never been set).</summary>
    internal async Task<AliasState> GetAliasStateAsync(string model, string alias, CancellationToken cancellationToken)
    {
        NullableResponse<AliasEntity> row = await Table.GetEntityIfExistsAsync<AliasEntity>(
            model, RegistryKeys.Alias(alias), cancellationToken: cancellationToken);
        if (row.HasValue)
        {
            return new AliasState(model, alias, StorageJson.Deserialize<ModelAlias>(row.Value!.Json), row.Value.ETag);
        }

        ModelAlias? legacy = alias == AliasName.Champion ? await GetLegacyChampionAsync(model, cancellationToken) : null;
        return new AliasState(model, alias, legacy, null);
    }

    /// <summary>
    /// Moves the alias to <paramref name="version"/> if it is still as it was read (<paramref name="expected"/>) and the
    /// version is registered and not archived: one transaction of the alias row, its history row, and the version's
    /// archive flag under its ETag.
    /// </summary>
    internal async Task<AliasWrite> TryMoveAliasAsync(AliasState expected, int version, string movedBy, string reason,
        CancellationToken cancellationToken)
    {
        if (await GetVersionStateAsync(expected.Model, version, cancellationToken) is not { } target)
        {
            return new AliasWrite(AliasWriteStatus.VersionNotFound, null);
        }

        if (target.Version.IsArchived)
        {
            return new AliasWrite(AliasWriteStatus.VersionArchived, null);
        }

        var move = new AliasMove(expected.Model, expected.Alias, (expected.Current?.Move.Sequence ?? 0) + 1, version,
            expected.Current?.Version, time.GetUtcNow(), movedBy, reason);
        var moved = new ModelAlias(move, target.Version.Metrics);
        var aliasRow = new AliasEntity
        {
            PartitionKey = move.Model, RowKey = RegistryKeys.Alias(move.Alias), Version = version, Json = StorageJson.Serialize(moved),
        };
        var actions = new List<TableTransactionAction>
        {
            expected.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, aliasRow, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, aliasRow),
            new(TableTransactionActionType.Add, new AliasHistoryEntity
            {
                PartitionKey = move.Model, RowKey = RegistryKeys.AliasHistory(move.Alias, move.Sequence), Alias = move.Alias,
                Version = version, Json = StorageJson.Serialize(move),
            }),
            new(TableTransactionActionType.UpdateMerge,
                new TableEntity(move.Model, RegistryKeys.Version(version)) { [nameof(VersionEntity.Archived)] = false }, target.ETag),
        };

        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
            return new AliasWrite(AliasWriteStatus.Moved, moved);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return new AliasWrite(AliasWriteStatus.Raced, null);
        }
    }

    async Task<IReadOnlyList<AliasMove>> QueryHistoryAsync(string model, string prefix, CancellationToken cancellationToken) =>
        await ListByPrefixAsync<AliasHistoryEntity, AliasMove>(model, prefix, row => row.Json, cancellationToken);

    /// <summary>The model's rows whose key starts with <paramref name="prefix"/>, each read back from its JSON, in key order.</summary>
    async Task<List<T>> ListByPrefixAsync<TEntity, T>(string model, string prefix, Func<TEntity, string> json, CancellationToken cancellationToken)
        where TEntity : class, ITableEntity, new()
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {model} and RowKey ge {prefix} and RowKey lt {RegistryKeys.After(prefix)}");
        var items = new List<T>();
        await foreach (TEntity row in Table.QueryAsync<TEntity>(filter, cancellationToken: cancellationToken))
        {
            items.Add(StorageJson.Deserialize<T>(json(row)));
        }

        return items;
    }

    async Task<ModelAlias?> GetLegacyChampionAsync(string model, CancellationToken cancellationToken)
    {
        NullableResponse<LegacyChampionEntity> row = await Table.GetEntityIfExistsAsync<LegacyChampionEntity>(
            model, RegistryKeys.LegacyChampion, cancellationToken: cancellationToken);
        return row.HasValue ? FromLegacy(row.Value!.Json) : null;
    }

    /// <summary>A champion pointer written before aliases existed, read as the champion alias's holder (move 0).</summary>
    static ModelAlias FromLegacy(string json)
    {
        Champion champion = StorageJson.Deserialize<Champion>(json);
        return new ModelAlias(new AliasMove(champion.Model, AliasName.Champion, 0, champion.Version, champion.PreviousVersion,
            champion.PromotedAt, AliasMove.ByPipeline, champion.Reason), champion.Metrics);
    }

    static VersionEntity ToEntity(ModelVersion version) => new()
    {
        PartitionKey = version.Model, RowKey = RegistryKeys.Version(version.Version), Version = version.Version,
        Json = StorageJson.Serialize(version), Archived = version.IsArchived,
    };

    async Task<ModelVersion?> FindByRunAsync(string model, string runId, CancellationToken cancellationToken)
    {
        NullableResponse<RunVersionEntity> run = await Table.GetEntityIfExistsAsync<RunVersionEntity>(
            model, RegistryKeys.Run(runId), cancellationToken: cancellationToken);
        return run.HasValue ? await GetVersionAsync(model, run.Value!.Version, cancellationToken) : null;
    }
}

/// <summary>A version as read, with the ETag a conditional replace needs.</summary>
internal sealed record VersionState(ModelVersion Version, ETag ETag);

/// <summary>An alias as read: its holder (null while never set) and the ETag of its row (null while the row does not exist).</summary>
internal sealed record AliasState(string Model, string Alias, ModelAlias? Current, ETag? ETag);

internal enum AliasWriteStatus { Moved, Raced, VersionNotFound, VersionArchived }

/// <summary>What a conditional alias move came to; <see cref="Alias"/> is the alias as moved.</summary>
internal sealed record AliasWrite(AliasWriteStatus Status, ModelAlias? Alias);
