using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Datasets;

/// <summary>Immutable, content-addressed dataset snapshots: what every model version was trained and tested on.</summary>
public sealed class DatasetStore(StorageClients storage, DatasetValidator validator, IOptions<TrainingOptions> options)
{
    /// <summary>Stores the validated bytes under their SHA-256 (once; a second call finds them there).</summary>
    public async Task<string> SnapshotAsync(string model, string sha256, BinaryData content, CancellationToken cancellationToken)
    {
        string path = BlobPaths.Dataset(model, sha256);
        try
        {
            await storage.Blob(path).UploadAsync(content, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
        }

        return path;
    }

    /// <summary>Reads a snapshot back as a prepared dataset under the spec it was validated with.</summary>
    public async Task<PreparedDataset> LoadAsync(string datasetBlob, ModelSpec spec, CancellationToken cancellationToken)
    {
        BlobClient blob = storage.Blob(datasetBlob);
        await using Stream content = await blob.OpenReadAsync(cancellationToken: cancellationToken);
        RawTable table = CsvTableReader.Read(content);
        var document = new ModelSpecDocument
        {
            LabelColumn = spec.LabelColumn, Task = spec.Task, FeatureColumns = spec.FeatureColumns, Trainer = spec.Trainer,
        };
        DatasetValidator.Result result = validator.Validate(table, document, options.Value);
        return result.Dataset ?? throw new InvalidDataException(
            $"Snapshot {datasetBlob} no longer validates: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }
}
