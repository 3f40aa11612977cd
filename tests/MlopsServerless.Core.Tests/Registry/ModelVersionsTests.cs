using MlopsServerless.Core.Registry;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Registry;

/// <summary>Archive and tags against a real Azurite: an alias never points at an archived version; the model card shows it all.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ModelVersionsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;
    ModelVersions Versions => _host.Get<ModelVersions>();
    ModelAliases Aliases => _host.Get<ModelAliases>();
    ModelRegistry Registry => _host.Get<ModelRegistry>();

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ArchiveAsync_VersionNoAliasHolds_IsKeptReadableAndMarked()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);

        ModelVersion archived = Applied(await Versions.ArchiveAsync(model, 1, "ops@example.com", "superseded", default));

        Assert.Equal(new Archival(_host.Time.GetUtcNow(), "ops@example.com", "superseded"), archived.Archived);
        ModelVersion stored = (await Registry.GetVersionAsync(model, 1, default))!;
        Assert.Equal(archived.Archived, stored.Archived);
        Assert.Equal("run-1", stored.RunId);
        Assert.True(await Registry.IsArchivedAsync(model, 1, default));
        Assert.False(await Registry.IsArchivedAsync(model, 2, default));
        Assert.Null(await Registry.IsArchivedAsync(model, 3, default));
        Assert.Equal(2, (await Registry.ListVersionsAsync(model, default)).Count);
    }

    [Fact]
    public async Task ArchiveAsync_VersionHeldByAliases_IsAConflictNamingThem()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 1);
        await Aliases.MoveAsync(model, AliasName.Champion, 1, "ops", "one", default);
        await Aliases.MoveAsync(model, "prod", 1, "ops", "one", default);

        var conflict = Assert.IsType<RegistryChange<ModelVersion>.Conflict>(await Versions.ArchiveAsync(model, 1, "ops", "retire", default));

        Assert.Contains("'champion', 'prod'", conflict.Detail);
        Assert.False((await Registry.GetVersionAsync(model, 1, default))!.IsArchived);
    }

    [Fact]
    public async Task MoveAsync_ToAnArchivedVersion_IsAConflict_UntilItIsUnarchived()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);
        await Aliases.MoveAsync(model, AliasName.Champion, 2, "ops", "two", default);
        await Versions.ArchiveAsync(model, 1, "ops", "retired", default);

        var refused = Assert.IsType<RegistryChange<ModelAlias>.Conflict>(await Aliases.MoveAsync(model, AliasName.Champion, 1, "ops", "back", default));
        Assert.Contains("v1 is archived", refused.Detail);
        Assert.Single(await Registry.GetAliasHistoryAsync(model, AliasName.Champion, default));

        Assert.Null(Applied(await Versions.UnarchiveAsync(model, 1, "ops", default)).Archived);
        Assert.Equal(1, Assert.IsType<RegistryChange<ModelAlias>.Applied>(
            await Aliases.MoveAsync(model, AliasName.Champion, 1, "ops", "back", default)).Value.Version);
    }

    [Fact]
    public async Task ArchiveAsync_RacingAMoveToTheSameVersion_ExactlyOneWins_NoAliasEverHoldsAnArchivedVersion()
    {
        string model = UniqueNames.Model();
        const int Rounds = 6;
        await RegisterAsync(model, Rounds + 1);
        await Aliases.MoveAsync(model, "prod", Rounds + 1, "ops", "start", default);

        for (int version = 1; version <= Rounds; version++)
        {
            int target = version;
            Task<RegistryChange<ModelVersion>> archive = Task.Run(() => Versions.ArchiveAsync(model, target, "ops", "retire", default));
            Task<RegistryChange<ModelAlias>> move = Task.Run(() => Aliases.MoveAsync(model, "prod", target, "ops", "promote", default));
            RegistryChange<ModelVersion> archiveChange = await archive;
            RegistryChange<ModelAlias> moveChange = await move;

            bool archived = archiveChange is RegistryChange<ModelVersion>.Applied;
            bool moved = moveChange is RegistryChange<ModelAlias>.Applied;
            Assert.True(archived ^ moved, $"v{target}: archive {archiveChange}, move {moveChange}");
            ModelAlias prod = (await Registry.GetAliasAsync(model, "prod", default))!;
            Assert.False((await Registry.GetVersionAsync(model, prod.Version, default))!.IsArchived);
            Assert.Equal(archived, (await Registry.GetVersionAsync(model, target, default))!.IsArchived);
        }
    }

    [Fact]
    public async Task ArchiveAsync_UnknownVersion_IsNotFound_ArchivingTwiceChangesNothing()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 1);
        ModelVersion first = Applied(await Versions.ArchiveAsync(model, 1, "ops", "once", default));
        _host.Time.Advance(TimeSpan.FromHours(1));

        ModelVersion second = Applied(await Versions.ArchiveAsync(model, 1, "someone else", "twice", default));

        Assert.Equal(first.Archived, second.Archived);
        Assert.IsType<RegistryChange<ModelVersion>.NotFound>(await Versions.ArchiveAsync(model, 5, "ops", "x", default));
    }

    [Fact]
    public async Task SetTagsAsync_ReplacesTheVersionsTags_EmptyRemovesThem()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 1);

        await Versions.SetTagsAsync(model, 1, new Dictionary<string, string> { ["owner"] = "risk", ["ticket"] = "OPS-1" }, default);
        ModelVersion retagged = Applied(await Versions.SetTagsAsync(model, 1, new Dictionary<string, string> { ["owner"] = "growth" }, default));

        Assert.Equal(new Dictionary<string, string> { ["owner"] = "growth" }, retagged.Tags);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "growth" }, (await Registry.GetVersionAsync(model, 1, default))!.Tags);
        Assert.Null(Applied(await Versions.SetTagsAsync(model, 1, new Dictionary<string, string>(), default)).Tags);
        Assert.IsType<RegistryChange<ModelVersion>.NotFound>(
            await Versions.SetTagsAsync(model, 2, new Dictionary<string, string> { ["a"] = "b" }, default));
    }

    [Fact]
    public async Task GetVersionCardAsync_ShowsTheRecordItsAliasesTheirMovesToAndFromIt_TagsArchiveAndReportLink()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 3);
        await Aliases.MoveAsync(model, AliasName.Champion, 1, AliasMove.ByPipeline, "first version", default);
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await Aliases.MoveAsync(model, AliasName.Champion, 2, AliasMove.ByPipeline, "v2 beats v1", default);
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        await Aliases.MoveAsync(model, AliasName.Challenger, 3, "ops", "trial", default);
        await Aliases.MoveAsync(model, "prod", 2, "ops", "go live", default);
        await Versions.SetTagsAsync(model, 2, new Dictionary<string, string> { ["owner"] = "risk" }, default);

        ModelVersionCard card = (await _host.Get<ModelCatalog>().GetVersionCardAsync(model, 2, default))!;

        Assert.Equal((model, 2, false), (card.Model, card.Version, card.Archived));
        Assert.Equal(["champion", "prod"], card.Aliases);
        Assert.Equal([("prod", 2, (int?)null), ("champion", 2, 1)], card.AliasHistory.Select(m => (m.Alias, m.Version, m.PreviousVersion)));
        Assert.Equal("risk", card.Registered.Tags!["owner"]);
        Assert.Equal(0.8, card.Registered.Metrics.PrimaryValue);
        Assert.Equal(0.1, card.Registered.Registration.Card.Importance["x1"]);
        Assert.Equal($"validation-reports/{model}/run-2.json", card.ValidationReport.Blob);
        Assert.EndsWith($"/validation-reports/{model}/run-2.json", card.ValidationReport.Url.AbsolutePath);
        Assert.Null(await _host.Get<ModelCatalog>().GetVersionCardAsync(model, 9, default));
        ModelOverview overview = (await _host.Get<ModelCatalog>().GetOverviewAsync(model, default))!;
        Assert.Equal(["challenger", "champion", "prod"], overview.Aliases.Select(a => a.Name));
        Assert.Equal(["champion", "prod"], overview.Versions.Single(v => v.Version == 2).Aliases);
    }

    async Task RegisterAsync(string model, int versions)
    {
        for (int i = 1; i <= versions; i++)
        {
            await Registry.RegisterAsync(Registrations.For(model, $"run-{i}"), default);
        }
    }

    static ModelVersion Applied(RegistryChange<ModelVersion> change) => Assert.IsType<RegistryChange<ModelVersion>.Applied>(change).Value;
}
