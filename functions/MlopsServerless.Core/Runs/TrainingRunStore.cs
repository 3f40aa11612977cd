using Azure;
using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Telemetry;

namespace MlopsServerless.Core.Runs;

/// <summary>The TrainingRuns table: partition = model, row = run id; each step of a run overwrites its row.</summary>
public sealed class TrainingRunStore(StorageClients storage, MlopsMetrics metrics)
{
    TableClient Table => storage.Table(StorageNames.Tables.TrainingRuns);

    public async Task SaveAsync(TrainingRun run, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(run.Model, run.RunId) { ["Json"] = StorageJson.Serialize(run) };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        metrics.RunSaved(run);
    }

    /// <summary>Records a new run; false when a run with that id is already recorded (the same upload delivered twice).</summary>
    public async Task<bool> TryAddAsync(TrainingRun run, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(run.Model, run.RunId) { ["Json"] = StorageJson.Serialize(run) }, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<TrainingRun?> GetAsync(string model, string runId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await Table.GetEntityIfExistsAsync<TableEntity>(model, runId, cancellationToken: cancellationToken);
        return row.HasValue ? StorageJson.Deserialize<TrainingRun>(row.Value!.GetString("Json")) : null;
    }

    /// <summary>The model's runs, most recently updated first.</summary>
    public async Task<IReadOnlyList<TrainingRun>> ListAsync(string model, CancellationToken cancellationToken)
    {
        var runs = new List<TrainingRun>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {model}"), cancellationToken: cancellationToken))
        {
            runs.Add(StorageJson.Deserialize<TrainingRun>(row.GetString("Json")));
        }

        return runs.OrderByDescending(r => r.UpdatedAt).ToList();
    }
}
