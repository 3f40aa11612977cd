using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Tests.Registry;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>What serving resolves an alias or a version to, and how long it trusts that, against a real Azurite with a fake clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ModelServingCacheTests(AzuriteFixture azurite) : IAsyncLifetime
{
    const int RefreshSeconds = 10;
    CoreTestHost _host = null!;
    ModelServingCache Cache => _host.Get<ModelServingCache>();

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString,
        new Dictionary<string, string?> { [SettingKeys.PredictionChampionRefreshSeconds] = RefreshSeconds.ToString() });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ResolveAsync_AliasMoved_IsSeenOnceTheRefreshBoundHasPassed()
    {
        string model = await RegisterAsync(2);
        var aliases = _host.Get<ModelAliases>();
        await aliases.MoveAsync(model, "prod", 1, "ops", "one", default);
        Assert.Equal(new ServingPointer(1, false), await Cache.ResolveAsync(model, ModelTarget.ByAlias("prod"), default));

        await aliases.MoveAsync(model, "prod", 2, "ops", "two", default);
        _host.Time.Advance(TimeSpan.FromSeconds(RefreshSeconds - 1));
        ServingPointer withinBound = await Cache.ResolveAsync(model, ModelTarget.ByAlias("prod"), default);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        ServingPointer afterBound = await Cache.ResolveAsync(model, ModelTarget.ByAlias("prod"), default);

        Assert.Equal(1, withinBound.Version);
        Assert.Equal(2, afterBound.Version);
    }

    [Fact]
    public async Task ResolveAsync_VersionArchivedOrUnknown_AliasWithoutHolder()
    {
        string model = await RegisterAsync(2);
        await _host.Get<ModelVersions>().ArchiveAsync(model, 1, "ops", "retired", default);

        Assert.Equal(new ServingPointer(1, true), await Cache.ResolveAsync(model, ModelTarget.ByVersion(1), default));
        Assert.Equal(new ServingPointer(2, false), await Cache.ResolveAsync(model, ModelTarget.ByVersion(2), default));
        Assert.Equal(new ServingPointer(null, false), await Cache.ResolveAsync(model, ModelTarget.ByVersion(3), default));
        Assert.Equal(new ServingPointer(null, false), await Cache.ResolveAsync(model, ModelTarget.Champion, default));
    }

    [Fact]
    public async Task ResolveAsync_ManyRequestsOnceTheBoundHasPassed_ShareOneRegistryRead()
    {
        string model = await RegisterAsync(1);
        Assert.Equal(new ServingPointer(1, false), await Cache.ResolveAsync(model, ModelTarget.ByVersion(1), default));
        _host.Time.Advance(TimeSpan.FromSeconds(RefreshSeconds));
        int reads = 0;
        using var listener = new AzureEventSourceListener((e, _) =>
        {
            if (e.EventName == "Request" && e.Payload?.Any(p => p?.ToString()?.Contains(model, StringComparison.Ordinal) == true) == true)
            {
                Interlocked.Increment(ref reads);
            }
        }, EventLevel.Informational);

        ServingPointer[] resolved = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Cache.ResolveAsync(model, ModelTarget.ByVersion(1), default))));

        Assert.All(resolved, pointer => Assert.Equal(new ServingPointer(1, false), pointer));
        Assert.Equal(1, reads);
    }

    async Task<string> RegisterAsync(int versions)
    {
        string model = UniqueNames.Model();
        for (int i = 1; i <= versions; i++)
        {
            await _host.Get<ModelRegistry>().RegisterAsync(Registrations.For(model, $"run-{i}"), default);
        }

        return model;
    }
}
