using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// Model versions and the champion pointer in one table partition per model. Version numbers are handed out by an
/// ETag-guarded counter in the same transaction that writes the version, so they never repeat or skip; registering
/// the same run twice returns the first registration. The champion row is only ever replaced under If-Match.
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
                new(TableTransactionActionType.Add, new VersionEntity
                {
                    PartitionKey = registration.Lineage.Model, RowKey = RegistryKeys.Version(version), Version = version,
                    Json = StorageJson.Serialize(registered),
                }),
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

    public async Task<ModelVersion?> GetVersionAsync(string model, int version, CancellationToken cancellationToken)
    {
        NullableResponse<VersionEntity> row = await Table.GetEntityIfExistsAsync<VersionEntity>(
            model, RegistryKeys.Version(version), cancellationToken: cancellationToken);
        return row.HasValue ? StorageJson.Deserialize<ModelVersion>(row.Value!.Json) : null;
    }

    public async Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(string model, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {model} and RowKey ge {RegistryKeys.VersionPrefix} and RowKey lt {"w"}");
        var versions = new List<ModelVersion>();
        await foreach (VersionEntity row in Table.QueryAsync<VersionEntity>(filter, cancellationToken: cancellationToken))
        {
            versions.Add(StorageJson.Deserialize<ModelVersion>(row.Json));
        }

        return versions;
    }

    public async Task<Champion?> GetChampionAsync(string model, CancellationToken cancellationToken) =>
        (await GetChampionStateAsync(model, cancellationToken)).Champion;

    public async Task<IReadOnlyList<Champion>> ListChampionsAsync(CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"RowKey eq {RegistryKeys.Champion}");
        var champions = new List<Champion>();
        await foreach (ChampionEntity row in Table.QueryAsync<ChampionEntity>(filter, cancellationToken: cancellationToken))
        {
            champions.Add(StorageJson.Deserialize<Champion>(row.Json));
        }

        return champions;
    }

    internal async Task<ChampionState> GetChampionStateAsync(string model, CancellationToken cancellationToken)
    {
        NullableResponse<ChampionEntity> row = await Table.GetEntityIfExistsAsync<ChampionEntity>(
            model, RegistryKeys.Champion, cancellationToken: cancellationToken);
        return row.HasValue
            ? new ChampionState(StorageJson.Deserialize<Champion>(row.Value!.Json), row.Value.ETag)
            : new ChampionState(null, default);
    }

    /// <summary>
    /// Makes <paramref name="champion"/> the champion if the pointer is still as it was read (<paramref name="expected"/>):
    /// absent, or unchanged since its ETag. False when another promotion got there first.
    /// </summary>
    internal async Task<bool> TrySetChampionAsync(Champion champion, ChampionState expected, CancellationToken cancellationToken)
    {
        var row = new ChampionEntity
        {
            PartitionKey = champion.Model, RowKey = RegistryKeys.Champion, Version = champion.Version,
            Json = StorageJson.Serialize(champion),
        };
        try
        {
            if (expected.Champion is null)
            {
                await Table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(row, expected.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    async Task<ModelVersion?> FindByRunAsync(string model, string runId, CancellationToken cancellationToken)
    {
        NullableResponse<RunVersionEntity> run = await Table.GetEntityIfExistsAsync<RunVersionEntity>(
            model, RegistryKeys.Run(runId), cancellationToken: cancellationToken);
        return run.HasValue ? await GetVersionAsync(model, run.Value!.Version, cancellationToken) : null;
    }
}

internal sealed record ChampionState(Champion? Champion, ETag ETag);
