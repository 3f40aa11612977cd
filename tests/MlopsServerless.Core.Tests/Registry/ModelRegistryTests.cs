using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Registry;

[Collection(AzuriteCollection.Name)]
public sealed class ModelRegistryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;
    ModelRegistry Registry => _host.Get<ModelRegistry>();

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RegisterAsync_NewRuns_GetConsecutiveVersionsWithLineage()
    {
        string model = UniqueNames.Model();

        ModelVersion first = await Registry.RegisterAsync(Registrations.For(model, "run-a"), default);
        ModelVersion second = await Registry.RegisterAsync(Registrations.For(model, "run-b"), default);

        Assert.Equal((1, 2), (first.Version, second.Version));
        ModelVersion stored = (await Registry.GetVersionAsync(model, 2, default))!;
        Assert.Equal("run-b", stored.RunId);
        Assert.Equal("abc", stored.DataSha256);
        Assert.Equal(0.8, stored.Metrics.PrimaryValue);
        Assert.Equal([new FeatureColumn("x1", ColumnKind.Numeric)], stored.Spec.Features);
        Assert.Equal(_host.Time.GetUtcNow(), stored.RegisteredAt);
    }

    [Fact]
    public async Task RegisterAsync_SameRunTwice_ReturnsTheFirstRegistration()
    {
        string model = UniqueNames.Model();

        ModelVersion first = await Registry.RegisterAsync(Registrations.For(model, "run-a"), default);
        ModelVersion again = await Registry.RegisterAsync(Registrations.For(model, "run-a"), default);

        Assert.Equal(first.Version, again.Version);
        Assert.Single(await Registry.ListVersionsAsync(model, default));
    }

    [Fact]
    public async Task RegisterAsync_ConcurrentRuns_NeverShareOrSkipAVersion()
    {
        string model = UniqueNames.Model();

        ModelVersion[] versions = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => Registry.RegisterAsync(Registrations.For(model, $"run-{i}"), default)));

        Assert.Equal([1, 2, 3, 4, 5, 6], versions.Select(v => v.Version).Order());
    }

    [Fact]
    public async Task TrySetChampionAsync_TwoPromotionsFromTheSameRead_ExactlyOneWinsByETag()
    {
        string model = UniqueNames.Model();
        ModelVersion v1 = await Registry.RegisterAsync(Registrations.For(model, "run-1"), default);
        await Registry.TrySetChampionAsync(Champion(v1), await Registry.GetChampionStateAsync(model, default), default);
        ModelVersion v2 = await Registry.RegisterAsync(Registrations.For(model, "run-2"), default);
        ModelVersion v3 = await Registry.RegisterAsync(Registrations.For(model, "run-3"), default);
        ChampionState read = await Registry.GetChampionStateAsync(model, default);

        bool[] results = await Task.WhenAll(
            Registry.TrySetChampionAsync(Champion(v2), read, default),
            Registry.TrySetChampionAsync(Champion(v3), read, default));

        Assert.Single(results, r => r);
        int winner = results[0] ? 2 : 3;
        Assert.Equal(winner, (await Registry.GetChampionAsync(model, default))!.Version);
        Assert.Single(await Registry.ListChampionsAsync(default), c => c.Model == model);
    }

    [Fact]
    public async Task TrySetChampionAsync_FirstChampionRace_OnlyOneInsertSucceeds()
    {
        string model = UniqueNames.Model();
        ModelVersion v1 = await Registry.RegisterAsync(Registrations.For(model, "run-1"), default);
        ModelVersion v2 = await Registry.RegisterAsync(Registrations.For(model, "run-2"), default);
        ChampionState none = await Registry.GetChampionStateAsync(model, default);

        bool[] results = await Task.WhenAll(
            Registry.TrySetChampionAsync(Champion(v1), none, default),
            Registry.TrySetChampionAsync(Champion(v2), none, default));

        Assert.Single(results, r => r);
    }

    Champion Champion(ModelVersion version) =>
        new(version.Model, version.Version, version.Metrics, _host.Time.GetUtcNow(), "test", null);
}
