using System.Globalization;
using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// The PredictionLog table. Partition = model; row key = served time in ticks, then a unique suffix, so a time window
/// is one range query. A request is written as slices small enough for a table property, in one transaction.
/// </summary>
public sealed class PredictionLog(StorageClients storage)
{
    const int MaxJsonChars = 30_000;
    const int MaxBatch = 100;

    TableClient Table => storage.Table(StorageNames.Tables.PredictionLog);

    public async Task WriteAsync(PredictionLogEntry entry, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        string requestId = Guid.NewGuid().ToString("N");
        foreach (PredictionLogEntry slice in Slices(entry))
        {
            string json = StorageJson.Serialize(slice);
            rows.Add(new TableEntity(entry.Model, $"{RowKeyPrefix(entry.ServedAt)}-{requestId}-{rows.Count:D4}")
            {
                ["Version"] = entry.Version,
                ["ServedAt"] = entry.ServedAt,
                ["Rows"] = slice.Inputs.Count,
                ["Json"] = json,
            });
        }

        foreach (TableEntity[] batch in rows.Chunk(MaxBatch))
        {
            await Table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
        }
    }

    /// <summary>Entries served in (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public async Task<IReadOnlyList<PredictionLogEntry>> ReadAsync(string model, DateTimeOffset after, DateTimeOffset upTo,
        CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {model} and RowKey gt {RowKeyPrefix(after) + "~"} and RowKey lt {RowKeyPrefix(upTo) + "~"}");
        var entries = new List<PredictionLogEntry>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(StorageJson.Deserialize<PredictionLogEntry>(row.GetString("Json")));
        }

        return entries;
    }

    static string RowKeyPrefix(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    static IEnumerable<PredictionLogEntry> Slices(PredictionLogEntry entry)
    {
        int size = entry.Inputs.Count;
        while (true)
        {
            var slices = Enumerable.Range(0, (entry.Inputs.Count + size - 1) / size)
                .Select(i => entry with
                {
                    Inputs = entry.Inputs.Skip(i * size).Take(size).ToList(),
                    Outputs = entry.Outputs.Skip(i * size).Take(size).ToList(),
                })
                .ToList();
            if (size == 1 || slices.All(s => StorageJson.Serialize(s).Length <= MaxJsonChars))
            {
                return slices;
            }

            size = (size + 1) / 2;
        }
    }
}
