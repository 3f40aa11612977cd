using System.Globalization;
using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// The PredictionLog table. Partition = model; row key = the request id (which starts with the served time in ticks)
/// and a slice number, so a time window is one range query, one request is another and writing the same entry twice (a retried batch) replaces it instead of adding
/// it again. A request is written as slices small enough for a table property; entries of one model go in transactions
/// of up to 100 rows.
/// </summary>
public sealed class PredictionLog(StorageClients storage)
{
    const int MaxJsonChars = 30_000;
    const int MaxBatch = 100;

    TableClient Table => storage.Table(StorageNames.Tables.PredictionLog);

    public Task WriteAsync(PredictionLogEntry entry, CancellationToken cancellationToken) => WriteAsync([entry], cancellationToken);

    public async Task WriteAsync(IReadOnlyList<PredictionLogEntry> entries, CancellationToken cancellationToken)
    {
        foreach (IGrouping<string, PredictionLogEntry> model in entries.GroupBy(e => e.Model, StringComparer.Ordinal))
        {
            var rows = new List<TableEntity>();
            foreach (PredictionLogEntry entry in model)
            {
                int slice = 0;
                foreach (PredictionLogEntry part in Slices(entry))
                {
                    rows.Add(new TableEntity(entry.Model, $"{entry.RequestId}-{slice++:D4}")
                    {
                        ["Version"] = entry.Version,
                        ["ServedAt"] = entry.ServedAt,
                        ["Rows"] = part.Inputs.Count,
                        ["Json"] = StorageJson.Serialize(part),
                    });
                }
            }

            foreach (TableEntity[] batch in rows.Chunk(MaxBatch))
            {
                await Table.SubmitTransactionAsync(
                    batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
            }
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

    /// <summary>One request's entry (its slices put back together), or null when the log has no such request.</summary>
    public async Task<PredictionLogEntry?> FindAsync(string model, string requestId, CancellationToken cancellationToken)
    {
        if (!PredictionRequestId.IsValid(requestId))
        {
            return null;
        }

        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {model} and RowKey gt {requestId + "-"} and RowKey lt {requestId + "-~"}");
        var slices = new List<PredictionLogEntry>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            slices.Add(StorageJson.Deserialize<PredictionLogEntry>(row.GetString("Json")));
        }

        return slices.Count == 0 ? null : slices[0] with
        {
            Inputs = slices.SelectMany(s => s.Inputs).ToList(),
            Outputs = slices.SelectMany(s => s.Outputs).ToList(),
        };
    }

    static string RowKeyPrefix(DateTimeOffset time) => PredictionRequestId.TimePrefix(time);

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
