using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BitFaster.Caching;
using BitFaster.Caching.Lru;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// Immutable, content-addressed dataset snapshots: what every model version was trained and tested on. A snapshot's
/// CSV dialect (separator, decimal comma) is stored as its metadata, so reading it back needs no second inference.
/// The last <see cref="CachedDatasets"/> datasets read are kept in memory, least recently used out first: a run's steps
/// (every candidate, selection, promotion) read the same snapshot, and snapshots never change.
/// </summary>
public sealed class DatasetStore(StorageClients storage)
{
    const string SeparatorKey = "separator";
    const string DecimalCommaKey = "decimalcomma";
    /// <summary>The smallest capacity BitFaster's LRU takes; a few hundred MB at 1,000,000 rows × 20 columns.</summary>
    internal const int CachedDatasets = 3;

    readonly IAsyncCache<string, PreparedDataset> _loaded = new ConcurrentLruBuilder<string, PreparedDataset>()
        .WithCapacity(CachedDatasets).WithAtomicGetOrAdd().AsAsyncCache().Build();

    /// <summary>Stores the validated bytes under their SHA-256 (once; a second call finds them there).</summary>
    public async Task<string> SnapshotAsync(string model, string sha256, Stream content, CsvDialect dialect,
        CancellationToken cancellationToken)
    {
        string path = BlobPaths.Dataset(model, sha256);
        try
        {
            await storage.Blob(path).UploadAsync(content, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string>
                {
                    [SeparatorKey] = ((int)dialect.Separator).ToString(CultureInfo.InvariantCulture),
                    [DecimalCommaKey] = dialect.DecimalComma ? "true" : "false",
                },
            }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
        }

        return path;
    }

    /// <summary>
    /// Reads a snapshot back as typed columns under the spec it was validated with. Concurrent first reads share one
    /// download; a failed read is not kept, so the next call tries again.
    /// </summary>
    public Task<PreparedDataset> LoadAsync(string datasetBlob, ModelSpec spec, CancellationToken cancellationToken) =>
        _loaded.GetOrAddAsync($"{datasetBlob}\n{StorageJson.Serialize(spec)}", _ => ReadAsync(datasetBlob, spec)).AsTask().WaitAsync(cancellationToken);

    /// <summary>A snapshot's CSV dialect and when it was taken (first stored), or null when there is no such snapshot.</summary>
    public async Task<DatasetSnapshot?> DescribeAsync(string datasetBlob, CancellationToken cancellationToken)
    {
        try
        {
            BlobProperties properties = (await storage.Blob(datasetBlob).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var dialect = new CsvDialect(
                properties.Metadata.TryGetValue(SeparatorKey, out string? separator) ? (char)int.Parse(separator, CultureInfo.InvariantCulture) : ',',
                properties.Metadata.TryGetValue(DecimalCommaKey, out string? decimalComma) && decimalComma == "true");
            return new DatasetSnapshot(datasetBlob, dialect, properties.LastModified, properties.ContentLength);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A snapshot's bytes as stored.</summary>
    public Task<Stream> OpenAsync(string datasetBlob, CancellationToken cancellationToken) =>
        storage.Blob(datasetBlob).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);

    /// <summary>Records what an assembled snapshot was built from, beside it (once: the same bytes keep their first lineage).</summary>
    public async Task SaveLineageAsync(DatasetLineage lineage, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Blob(BlobPaths.DatasetLineage(lineage.Model, lineage.DataSha256)).UploadAsync(
                BinaryData.FromObjectAsJson(lineage, StorageJson.Options),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
        }
    }

    /// <summary>What an assembled snapshot was built from; null for a snapshot of an upload.</summary>
    public Task<DatasetLineage?> GetLineageAsync(string model, string sha256, CancellationToken cancellationToken) =>
        JsonBlobs.ReadOrDefaultAsync<DatasetLineage>(storage.Blob(BlobPaths.DatasetLineage(model, sha256)), cancellationToken);

    async Task<PreparedDataset> ReadAsync(string datasetBlob, ModelSpec spec)
    {
        CancellationToken cancellationToken = CancellationToken.None;
        DatasetSnapshot snapshot = await DescribeAsync(datasetBlob, cancellationToken)
            ?? throw new InvalidOperationException($"The dataset snapshot {datasetBlob} does not exist.");
        await using Stream content = await OpenAsync(datasetBlob, cancellationToken);
        return await Task.Run(() => DatasetReader.Read(content, spec, snapshot.Dialect), cancellationToken);
    }
}
