using System.Runtime.CompilerServices;
using System.Text;
using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// The PredictionLog table, written in pages (<see cref="PredictionLogPage"/>, filled by <see cref="PredictionLogPageBuilder"/>).
/// Partition = model; row key = the page's first request id (which starts with the served time in ticks), "-p" and the
/// page's key, so a time window is one range query (widened by the page span) and one request another. Writing a page
/// again (a retried flush) replaces it. The compressed page is split over binary properties of at most 64 KiB.
/// </summary>
public sealed class PredictionLog(StorageClients storage)
{
    const int ChunkBytes = 64 * 1024;
    const int ConcurrentWrites = 4;
    const string KeySeparator = "-p";
    const string LegacyProperty = "Json";

    TableClient Table => storage.Table(StorageNames.Tables.PredictionLog);

    public Task WriteAsync(IReadOnlyList<PredictionLogEntry> entries, CancellationToken cancellationToken) =>
        WriteAsync(entries.Select(entry => PredictionLogRecord.From(entry)).ToList(), cancellationToken);

    public Task WriteAsync(IReadOnlyList<PredictionLogRecord> records, CancellationToken cancellationToken) =>
        WriteAsync(records.GroupBy(r => r.Model, StringComparer.Ordinal).SelectMany(model => PredictionLogPages.Cut(model.Key, model)).ToList(),
            cancellationToken);

    /// <summary>Writes finished pages, a few at once; writing a page again replaces it.</summary>
    public Task WriteAsync(IReadOnlyList<PredictionLogPage> pages, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentWrites, CancellationToken = cancellationToken },
            async (page, token) => await Table.UpsertEntityAsync(ToEntity(page), TableUpdateMode.Replace, token));

    /// <summary>Entries served in (<paramref name="after"/>, <paramref name="upTo"/>]; a request split into slices gives one entry per slice.</summary>
    public async Task<IReadOnlyList<PredictionLogEntry>> ReadAsync(string model, DateTimeOffset after, DateTimeOffset upTo,
        CancellationToken cancellationToken) =>
        await StreamAsync(model, after, upTo, cancellationToken).ToListAsync(cancellationToken);

    /// <summary>The same entries one page at a time, so a reader that keeps only what it needs never holds the whole window.</summary>
    public async IAsyncEnumerable<PredictionLogEntry> StreamAsync(string model, DateTimeOffset after, DateTimeOffset upTo,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DateTimeOffset earliestPage = PredictionLogPages.EarliestStart(after);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {model} and RowKey gt {PredictionRequestId.TimePrefix(earliestPage)} and RowKey lt {PredictionRequestId.TimePrefix(upTo) + "~"}");
        await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            foreach (ReadOnlyMemory<byte> line in Lines(row))
            {
                PredictionLogEntry entry = StorageJson.Deserialize<PredictionLogEntry>(line.Span);
                if (entry.ServedAt > after && entry.ServedAt <= upTo)
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>One request's entry (its slices put back together), or null when the log has no such request.</summary>
    public async Task<PredictionLogEntry?> FindAsync(string model, string requestId, CancellationToken cancellationToken) =>
        (await FindAsync(model, [requestId], cancellationToken)).GetValueOrDefault(requestId);

    /// <summary>
    /// The entries of these requests that the log has (slices put back together), by request id. Ids served close
    /// together share range queries: each page is read once, however many of the requests it holds.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, PredictionLogEntry>> FindAsync(string model, IReadOnlyCollection<string> requestIds,
        CancellationToken cancellationToken)
    {
        List<string> wanted = requestIds.Where(PredictionRequestId.IsValid).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lookup = new HashSet<string>(wanted, StringComparer.Ordinal);
        var slices = new Dictionary<string, List<PredictionLogEntry>>(StringComparer.Ordinal);
        foreach ((string first, string last) in Clusters(wanted))
        {
            DateTimeOffset earliestPage = PredictionLogPages.EarliestStart(PredictionRequestId.ServedAt(first));
            string filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {model} and RowKey gt {PredictionRequestId.TimePrefix(earliestPage)} and RowKey lt {last + "~"} and (Last ge {first} or Json ne '')");
            await foreach (TableEntity row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                foreach (ReadOnlyMemory<byte> line in Lines(row))
                {
                    if (PredictionLogJson.RequestIdOf(line.Span) is { } id && lookup.Contains(id))
                    {
                        PredictionLogEntry entry = StorageJson.Deserialize<PredictionLogEntry>(line.Span);
                        (slices.TryGetValue(id, out List<PredictionLogEntry>? parts) ? parts : slices[id] = []).Add(entry);
                    }
                }
            }
        }

        return slices.ToDictionary(s => s.Key, s => s.Value.Count == 1 ? s.Value[0] : s.Value[0] with
        {
            Inputs = s.Value.SelectMany(e => e.Inputs).ToList(),
            Outputs = s.Value.SelectMany(e => e.Outputs).ToList(),
        }, StringComparer.Ordinal);
    }

    /// <summary>Sorted ids cut where two neighbours were served more than a page span apart: each cut is one range query.</summary>
    static IEnumerable<(string First, string Last)> Clusters(IReadOnlyList<string> sortedIds)
    {
        for (int start = 0, end; start < sortedIds.Count; start = end)
        {
            end = start + 1;
            while (end < sortedIds.Count
                && PredictionRequestId.ServedAt(sortedIds[end]) - PredictionRequestId.ServedAt(sortedIds[end - 1]) <= PredictionLogPages.Span)
            {
                end++;
            }

            yield return (sortedIds[start], sortedIds[end - 1]);
        }
    }

    /// <summary>
    /// A page's lines; an entity written before the log had pages (one request slice per entity, its JSON line in
    /// <see cref="LegacyProperty"/>) is read as its one line, so a table from an earlier version keeps serving drift and feedback.
    /// </summary>
    static IEnumerable<ReadOnlyMemory<byte>> Lines(TableEntity row) =>
        row.GetString(LegacyProperty) is { } line ? [Encoding.UTF8.GetBytes(line)] : FromEntity(row).Lines();

    static TableEntity ToEntity(PredictionLogPage page)
    {
        var entity = new TableEntity(page.Model, $"{page.FirstRequestId}{KeySeparator}{page.Key}")
        {
            ["Last"] = page.LastRequestId,
            ["Lines"] = page.LineCount,
            ["Requests"] = page.Requests,
            ["Rows"] = page.Rows,
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

        int separator = entity.RowKey.LastIndexOf(KeySeparator, StringComparison.Ordinal);
        return new PredictionLogPage(entity.PartitionKey, entity.RowKey[..separator], entity.GetString("Last"), entity.RowKey[(separator + KeySeparator.Length)..],
            entity.GetInt32("Lines") ?? 0, entity.GetInt32("Requests") ?? 0, entity.GetInt32("Rows") ?? 0, compressed);
    }
}
