using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;
using MlopsServerless.LocalHost;
using MlopsServerless.LocalHost.Durable;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>
/// A real Azurite and the local host on a free port, with orchestrations on the Durable Task Azure Storage backend
/// (as on Azure). Tests talk to it only over HTTP and by uploading blobs.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    AzuriteInstance? _azurite;
    WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    public BlobContainerClient TrainingData => Storage.Container(StorageNames.Containers.TrainingData);

    public StorageClients Storage => _app!.Services.GetRequiredService<StorageClients>();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _app = LocalHostBuilder.Build([], configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = _azurite.ConnectionString,
            [SettingKeys.TaskHub] = "endtoend",
            [SettingKeys.PredictionChampionRefreshSeconds] = "0",
            [DurableBackendOptions.BackendKey] = nameof(DurableBackend.AzureStorage),
            [LocalHostOptions.BlobPollMillisecondsKey] = "200",
        }));
        _app.Urls.Add("http://127.0.0.1:0");
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
