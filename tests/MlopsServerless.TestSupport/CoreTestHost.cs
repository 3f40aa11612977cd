using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.TestSupport;

/// <summary>The Core services as the app wires them (AddMlopsCore), pointed at a real Azurite, with a fake clock.</summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    readonly ServiceProvider _services;

    CoreTestHost(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<CoreTestHost> StartAsync(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { [SettingKeys.StorageConnection] = connectionString };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        ServiceProvider services = new ServiceCollection()
            .AddLogging()
            .AddMlopsCore(configuration)
            .AddSingleton<TimeProvider>(time)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return new CoreTestHost(services, time);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
