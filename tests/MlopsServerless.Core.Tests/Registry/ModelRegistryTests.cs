using Azure.Data.Tables;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Storage;
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
    public async Task TryMoveAliasAsync_TwoMovesFromTheSameRead_ExactlyOneWinsByETag()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 3);
        await Registry.TryMoveAliasAsync(await ChampionStateAsync(model), 1, "test", "first", default);
        AliasState read = await ChampionStateAsync(model);

        AliasWrite[] writes = await Task.WhenAll(
            Registry.TryMoveAliasAsync(read, 2, "test", "two", default),
            Registry.TryMoveAliasAsync(read, 3, "test", "three", default));

        AliasWrite winner = Assert.Single(writes, w => w.Status == AliasWriteStatus.Moved);
        Assert.Single(writes, w => w.Status == AliasWriteStatus.Raced);
        Assert.Equal(winner.Alias!.Version, (await Registry.GetChampionAsync(model, default))!.Version);
        Assert.Single(await Registry.ListChampionsAsync(default), c => c.Model == model);
        Assert.Equal([winner.Alias.Version, 1], (await Registry.GetAliasHistoryAsync(model, AliasName.Champion, default)).Select(m => m.Version));
    }

    [Fact]
    public async Task TryMoveAliasAsync_FirstMoveRace_OnlyOneAddSucceeds()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);
        AliasState none = await ChampionStateAsync(model);

        AliasWrite[] writes = await Task.WhenAll(
            Registry.TryMoveAliasAsync(none, 1, "test", "one", default),
            Registry.TryMoveAliasAsync(none, 2, "test", "two", default));

        Assert.Single(writes, w => w.Status == AliasWriteStatus.Moved);
        Assert.Single(await Registry.GetAliasHistoryAsync(model, AliasName.Champion, default));
    }

    [Fact]
    public async Task TryMoveAliasAsync_MoveAndHistory_LandTogetherOrNotAtAll()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);
        await Registry.TryMoveAliasAsync(await ChampionStateAsync(model), 1, "test", "first", default);
        AliasState stale = await ChampionStateAsync(model);
        await Registry.TryMoveAliasAsync(stale, 2, "test", "second", default);

        AliasWrite lost = await Registry.TryMoveAliasAsync(stale, 1, "test", "from a stale read", default);

        Assert.Equal(AliasWriteStatus.Raced, lost.Status);
        Assert.Equal([2, 1], (await Registry.GetAliasHistoryAsync(model, AliasName.Champion, default)).Select(m => m.Version));
        Assert.Equal(2, (await Registry.GetChampionAsync(model, default))!.Version);
    }

    [Fact]
    public async Task GetChampionAsync_RegistryWrittenBeforeAliases_ReadsTheOldChampionRowUntilTheAliasFirstMoves()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);
        ModelVersion v1 = (await Registry.GetVersionAsync(model, 1, default))!;
        var legacy = new Champion(model, 1, v1.Metrics, _host.Time.GetUtcNow(), "first version: there was no champion", null);
        await _host.Get<StorageClients>().Table(StorageNames.Tables.ModelRegistry)
            .AddEntityAsync(new TableEntity(model, "champion") { ["Version"] = 1, ["Json"] = StorageJson.Serialize(legacy) });

        Champion read = (await Registry.GetChampionAsync(model, default))!;
        Assert.Equal((1, legacy.PromotedAt, legacy.Reason), (read.Version, read.PromotedAt, read.Reason));
        Assert.Equal(1, Assert.Single(await Registry.ListChampionsAsync(default), c => c.Model == model).Version);
        RegistryChange<ModelAlias> moved = await _host.Get<ModelAliases>().MoveAsync(model, AliasName.Champion, 2, "test", "after the upgrade", default);

        Assert.Equal((2, 1, 1), (Applied(moved).Version, Applied(moved).Move.PreviousVersion, Applied(moved).Move.Sequence));
        Assert.Equal(2, Assert.Single(await Registry.ListChampionsAsync(default), c => c.Model == model).Version);
        Assert.Equal(2, (await Registry.GetChampionAsync(model, default))!.Version);
    }

    async Task RegisterAsync(string model, int versions)
    {
        for (int i = 1; i <= versions; i++)
        {
            await Registry.RegisterAsync(Registrations.For(model, $"run-{i}"), default);
        }
    }

    Task<AliasState> ChampionStateAsync(string model) => Registry.GetAliasStateAsync(model, AliasName.Champion, default);

    static ModelAlias Applied(RegistryChange<ModelAlias> change) => Assert.IsType<RegistryChange<ModelAlias>.Applied>(change).Value;
}
