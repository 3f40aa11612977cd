using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlopsServerless.Configuration;
using MlopsServerless.LocalHost.Durable;

namespace MlopsServerless.LocalHost.Tests.Durable;

/// <summary>A started host with the local Durable Task backend over this assembly's sample functions.</summary>
sealed class LocalDurableHost : IAsyncDisposable
{
    readonly IHost _host;

    LocalDurableHost(IHost host) => _host = host;

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public static Dictionary<string, string?> InMemory() => new()
    {
        [DurableBackendOptions.BackendKey] = nameof(DurableBackend.InMemory),
    };

    public static Dictionary<string, string?> AzureStorage(string connectionString, string taskHub) => new()
    {
        [DurableBackendOptions.BackendKey] = nameof(DurableBackend.AzureStorage),
        [SettingKeys.StorageConnection] = connectionString,
        [SettingKeys.TaskHub] = taskHub,
    };

    /// <summary>A task hub no other test uses.</summary>
    public static string NewTaskHub() => $"test{Guid.NewGuid():N}"[..20];

    public static async Task<LocalDurableHost> StartAsync(IReadOnlyDictionary<string, string?> settings, ActivityGate? gate = null,
        Turnstile? turnstile = null)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<Punctuation>();
        builder.Services.AddSingleton(gate ?? new ActivityGate());
        builder.Services.AddSingleton(turnstile ?? new Turnstile());
        builder.Services.AddLocalDurableTask(builder.Configuration, typeof(GreetingWorkflow).Assembly);
        IHost host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new LocalDurableHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
