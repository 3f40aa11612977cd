using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Storage;
using MlopsServerless.LocalHost;
using MlopsServerless.LocalHost.Durable;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>
/// The local host on a free loopback port against a given Azurite, orchestrations on the Durable Task Azure Storage
/// backend (as on Azure), and an HTTP client for it.
/// </summary>
public sealed class RunningLocalHost : IAsyncDisposable
{
    readonly WebApplication _app;

    RunningLocalHost(WebApplication app, HttpClient http)
    {
        _app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    public StorageClients Storage => _app.Services.GetRequiredService<StorageClients>();

    /// <param name="settings">Settings that replace or add to the test defaults.</param>
    public static async Task<RunningLocalHost> StartAsync(string storageConnectionString, string taskHub,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = storageConnectionString,
            [SettingKeys.TaskHub] = taskHub,
            [SettingKeys.PredictionChampionRefreshSeconds] = "0",
            [SettingKeys.DriftLogLagSeconds] = "0",
            [DurableBackendOptions.BackendKey] = nameof(DurableBackend.AzureStorage),
            [LocalHostOptions.BlobPollMillisecondsKey] = "200",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        WebApplication app = LocalHostBuilder.Build([], configuration => configuration.AddInMemoryCollection(values));
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningLocalHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
