using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Feedback;

/// <summary>
/// The Feedback table: partition = model, row key = request id and row; request ids start with the served time, so a
/// window of served time is one range query. Sending the same label twice replaces it.
/// </summary>
public sealed class FeedbackStore(StorageClients storage)
{
    const int MaxBatch = 100;

    TableClient Table => storage.Table(StorageNames.Tables.Feedback);

    public async Task SaveAsync(IReadOnlyList<FeedbackRecord> records, CancellationToken cancellationToken)
    {
        foreach (IGrouping<string, FeedbackRecord> model in records.GroupBy(r => r.Model, StringComparer.Ordinal))
        {
            foreach (FeedbackRecord[] batch in model.DistinctBy(r => (r.RequestId, r.Row)).Chunk(MaxBatch))
            {
                await Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                    new TableEntity(r.Model, $"{r.RequestId}-{r.Row:D4}") { ["Version"] = r.Version, ["Json"] = StorageJson.Serialize(r) })),
                    cancellationToken);
            }
        }
    }

    /// <summary>Labels for predictions served in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public Task<IReadOnlyList<FeedbackRecord>> ReadAsync(string model, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken) =>
        ReadAsync(model, after, upTo, int.MaxValue, cancellationToken);

    /// <summary>At most <paramref name="max"/> labels for predictions served in (<paramref name="after"/>, <paramref name="upTo"/>], earliest served first.</summary>
    public async Task<IReadOnlyList<FeedbackRecord>> ReadAsync(string model, DateTimeOffset after, DateTimeOffset upTo, int max,
        CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {model} and RowKey gt {PredictionRequestId.TimePrefix(after) + "~"} and RowKey lt {PredictionRequestId.TimePrefix(upTo) + "~"}");
        var records = new List<FeedbackRecord>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            records.Add(StorageJson.Deserialize<FeedbackRecord>(row.GetString("Json")));
            if (records.Count == max)
            {
                break;
            }
        }

        return records;
    }
}
