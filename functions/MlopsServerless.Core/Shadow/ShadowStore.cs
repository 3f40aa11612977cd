using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Shadow;

/// <summary>The ShadowScores table: partition = model, row key = request id (time-prefixed), so a window is one range query.</summary>
public sealed class ShadowStore(StorageClients storage)
{
    TableClient Table => storage.Table(StorageNames.Tables.ShadowScores);

    public Task SaveAsync(ShadowRecord record, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(record.Model, record.RequestId)
        {
            ["ChallengerVersion"] = record.ChallengerVersion,
            ["Json"] = StorageJson.Serialize(record),
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<ShadowRecord>> ReadAsync(string model, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {model} and RowKey gt {PredictionRequestId.TimePrefix(after) + "~"} and RowKey lt {PredictionRequestId.TimePrefix(upTo) + "~"}");
        var records = new List<ShadowRecord>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(StorageJson.Deserialize<ShadowRecord>(row.GetString("Json")));
        }

        return records;
    }
}
