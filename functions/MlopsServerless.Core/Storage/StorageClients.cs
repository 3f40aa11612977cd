using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using MlopsServerless.Core.Configuration;

namespace MlopsServerless.Core.Storage;

/// <summary>The app's blob and table service clients, built once from <see cref="StorageOptions"/>.</summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options)
    {
        StorageOptions storage = options.Value;
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            Blobs = new BlobServiceClient(storage.ConnectionString);
            Tables = new TableServiceClient(storage.ConnectionString);
        }
        else
        {
            TokenCredential credential = new DefaultAzureCredential();
            Blobs = new BlobServiceClient(storage.BlobServiceUri, credential);
            Tables = new TableServiceClient(storage.TableServiceUri, credential);
        }
    }

    public BlobServiceClient Blobs { get; }
    public TableServiceClient Tables { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);
    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>The blob at a <c>container/name</c> path (see <see cref="BlobPaths"/>).</summary>
    public BlobClient Blob(string path)
    {
        int slash = path.IndexOf('/');
        if (slash <= 0 || slash == path.Length - 1)
        {
            throw new ArgumentException($"'{path}' is not a container/name blob path.", nameof(path));
        }

        return Container(path[..slash]).GetBlobClient(path[(slash + 1)..]);
    }
}
