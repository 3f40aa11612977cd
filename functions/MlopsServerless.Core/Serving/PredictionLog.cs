using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// The PredictionLog table, written in pages (<see cref="PredictionLogPage"/>, cut by <see cref="PredictionLogPages"/>).
/// Partition = model; row key = the page's first request id (which starts with the served time in ticks) and "-p", so
/// a time window is one range query (widened by the page span) and one request another. Writing a page again (a
/// retried flush) replaces it. The compressed page is split over binary properties of at most 64 KiB.
/// </summary>
public sealed class PredictionLog(StorageClients storage)
{
    const int ChunkBytes = 64 * 1024;
    const int ConcurrentWrites = 4;
    const string RowKeySuffix = "-p";

    TableClient Table => storage.Table(StorageNames.Tables.PredictionLog);

    public Task WriteAsync(IReadOnlyList<PredictionLogEntry> entries, CancellationToken cancellationToken) =>
        WriteAsync(entries.Select(entry => PredictionLogRecord.From(entry)).ToList(), cancellationToken);

    public async Task WriteAsync(IReadOnlyList<PredictionLogRecord> records, CancellationToken cancellationToken)
    {
        List<TableEntity> pages = records.GroupBy(r => r.Model, StringComparer.Ordinal)
            .SelectMany(model => PredictionLogPages.Cut(model).Select(page => ToEntity(model.Key, page)))
            .ToList();
        await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentWrites, CancellationToken = cancellationToken },
            async (page, token) => await Table.UpsertEntityAsync(page, TableUpdateMode.Replace, token));
    }

    /// <summary>Entries served in (<paramref name="after"/>, <paramref name="upTo"/>]; a request split into slices gives one entry per slice.</summary>
    public async Task<IReadOnlyList<PredictionLogEntry>> ReadAsync(string model, DateTimeOffset after, DateTimeOffset upTo,
        CancellationToken cancellationToken)
    {
        DateTimeOffset earliestPage = after - PredictionLogPages.Span < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : after - PredictionLogPages.Span;
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {model} and RowKey gt {PredictionRequestId.TimePrefix(earliestPage)} and RowKey lt {PredictionRequestId.TimePrefix(upTo) + "~"}");
        var entries = new List<PredictionLogEntry>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            foreach (ReadOnlyMemory<byte> line in FromEntity(row).Lines())
            {
                PredictionLogEntry entry = Deserialize(line);
                if (entry.ServedAt > after && entry.ServedAt <= upTo)
                {
                    entries.Add(entry);
                }
            }
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

        DateTimeOffset servedAt = PredictionRequestId.ServedAt(requestId);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {model} and RowKey gt {PredictionRequestId.TimePrefix(servedAt - PredictionLogPages.Span)} and RowKey le {requestId + RowKeySuffix} and Last ge {requestId}");
        byte[] marker = Encoding.UTF8.GetBytes($"\"requestId\":\"{requestId}\"");
        var slices = new List<PredictionLogEntry>();
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            slices.AddRange(FromEntity(row).Lines()
                .Where(line => line.Span.IndexOf(marker) >= 0)
                .Select(Deserialize)
                .Where(entry => entry.RequestId == requestId));
        }

        return slices.Count == 0 ? null : slices[0] with
        {
            Inputs = slices.SelectMany(s => s.Inputs).ToList(),
            Outputs = slices.SelectMany(s => s.Outputs).ToList(),
        };
    }

    static PredictionLogEntry Deserialize(ReadOnlyMemory<byte> line) =>
        JsonSerializer.Deserialize<PredictionLogEntry>(line.Span, StorageJson.Options)
        ?? throw new JsonException("An empty line in a prediction log page.");

    static TableEntity ToEntity(string model, PredictionLogPage page)
    {
        var entity = new TableEntity(model, page.FirstRequestId + RowKeySuffix)
        {
            ["Last"] = page.LastRequestId,
            ["Lines"] = page.LineCount,
        };
        byte[][] chunks = page.Compressed.Chunk(ChunkBytes).ToArray();
        entity["Chunks"] = chunks.Length;
        for (int i = 0; i < chunks.Length; i++)
        {
            entity[$"Data{i:D2}"] = chunks[i];
        }

        return entity;
    }

    static PredictionLogPage FromEntity(TableEntity entity)
    {
        byte[][] chunks = Enumerable.Range(0, entity.GetInt32("Chunks") ?? 0).Select(i => entity.GetBinary($"Data{i:D2}")).ToArray();
        byte[] compressed = new byte[chunks.Sum(c => c.Length)];
        int offset = 0;
        foreach (byte[] chunk in chunks)
        {
            chunk.CopyTo(compressed, offset);
            offset += chunk.Length;
        }

        string first = entity.RowKey[..^RowKeySuffix.Length];
        return new PredictionLogPage(first, entity.GetString("Last"), entity.GetInt32("Lines") ?? 0, compressed);
    }
}
