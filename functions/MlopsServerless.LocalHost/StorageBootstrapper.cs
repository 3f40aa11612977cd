using MlopsServerless.Core.Storage;

namespace MlopsServerless.LocalHost;

/// <summary>Creates the app's containers and tables in Azurite before anything else starts (infra/ does it on Azure).</summary>
internal sealed class StorageBootstrapper(StorageInitializer storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
