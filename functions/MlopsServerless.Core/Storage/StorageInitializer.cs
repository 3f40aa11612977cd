using MlopsServerless.Configuration;

namespace MlopsServerless.Core.Storage;

/// <summary>
/// Creates every container and table the app uses. On Azure, infra/ provisions them; the local host and the
/// tests call this against Azurite.
/// </summary>
public sealed class StorageInitializer(StorageClients storage)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (string container in StorageNames.Containers.All)
        {
            await storage.Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (string table in StorageNames.Tables.All)
        {
            await storage.Table(table).CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
