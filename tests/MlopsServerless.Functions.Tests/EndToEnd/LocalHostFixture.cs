using Azure.Storage.Blobs;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>A real Azurite and one local host for a test class. Tests talk to it only over HTTP and by uploading blobs.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    AzuriteInstance? _azurite;
    RunningLocalHost? _host;

    public HttpClient Http => _host!.Http;

    public StorageClients Storage => _host!.Storage;

    public BlobContainerClient TrainingData => Storage.Container(StorageNames.Containers.TrainingData);

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _host = await RunningLocalHost.StartAsync(_azurite.ConnectionString, "endtoend");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
