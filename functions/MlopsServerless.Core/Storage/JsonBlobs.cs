using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MlopsServerless.Core.Storage;

/// <summary>Reads and writes small JSON documents as blobs.</summary>
public static class JsonBlobs
{
    public static async Task WriteAsync<T>(BlobClient blob, T value, CancellationToken cancellationToken)
    {
        BinaryData content = BinaryData.FromObjectAsJson(value, StorageJson.Options);
        await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        }, cancellationToken);
    }

    public static async Task<T?> ReadOrDefaultAsync<T>(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            BlobDownloadResult result = await blob.DownloadContentAsync(cancellationToken);
            return result.Content.ToObjectFromJson<T>(StorageJson.Options);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return default;
        }
    }
}
