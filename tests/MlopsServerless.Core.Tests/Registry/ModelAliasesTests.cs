using MlopsServerless.Core.Registry;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Registry;

/// <summary>Moving and rolling back aliases against a real Azurite: one holder, a complete history, rollback.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ModelAliasesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;
    ModelAliases Aliases => _host.Get<ModelAliases>();
    ModelRegistry Registry => _host.Get<ModelRegistry>();

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(AliasName.Champion)]
    [InlineData("shadow-eu")]
    public async Task MoveAsync_ConcurrentMovesFromSeveralTasks_LeaveOneHolderAndOneHistoryEntryPerMoveEachNamingTheHolderBefore(string alias)
    {
        const int Movers = 8;
        string model = UniqueNames.Model();
        await RegisterAsync(model, Movers);

        RegistryChange<ModelAlias>[] changes = await Task.WhenAll(Enumerable.Range(1, Movers)
            .Select(version => Task.Run(() => Aliases.MoveAsync(model, alias, version, $"mover-{version}", $"task {version}", default))));

        ModelAlias[] moved = changes.Select(Applied).ToArray();
        IReadOnlyList<AliasMove> history = await Registry.GetAliasHistoryAsync(model, alias, default);
        Assert.Equal(Movers, history.Count);
        Assert.Equal(Enumerable.Range(1, Movers).Reverse(), history.Select(m => m.Sequence));
        AliasMove[] oldestFirst = history.Reverse().ToArray();
        Assert.Null(oldestFirst[0].PreviousVersion);
        for (int i = 1; i < oldestFirst.Length; i++)
        {
            Assert.Equal(oldestFirst[i - 1].Version, oldestFirst[i].PreviousVersion);
        }

        Assert.Equal(Enumerable.Range(1, Movers), history.Select(m => m.Version).Order());
        Assert.All(history, m => Assert.Equal($"mover-{m.Version}", m.MovedBy));
        Assert.Equal(moved.Select(m => m.Move).OrderBy(m => m.Sequence), oldestFirst);
        ModelAlias holder = (await Registry.GetAliasAsync(model, alias, default))!;
        Assert.Equal(history[0], holder.Move);
        Assert.Equal(holder.Version, Assert.Single(await Registry.ListAliasesAsync(model, default)).Version);
    }

    [Fact]
    public async Task MoveAsync_RecordsWhoWhyWhenAndThePreviousHolder()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);
        await Aliases.MoveAsync(model, AliasName.Challenger, 1, "alice@example.com", "try v1", default);
        _host.Time.Advance(TimeSpan.FromMinutes(3));

        ModelAlias moved = Applied(await Aliases.MoveAsync(model, AliasName.Challenger, 2, "bob@example.com", "try v2 instead", default));

        var expected = new AliasMove(model, AliasName.Challenger, 2, 2, 1, _host.Time.GetUtcNow(), "bob@example.com", "try v2 instead");
        Assert.Equal(expected, moved.Move);
        Assert.Equal(expected, (await Registry.GetAliasHistoryAsync(model, AliasName.Challenger, default))[0]);
        Assert.Equal(0.8, moved.Metrics.PrimaryValue);
        Assert.Null(await Registry.GetChampionAsync(model, default));
    }

    [Fact]
    public async Task MoveAsync_ToTheVersionItHolds_WritesNothing()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 1);
        ModelAlias first = Applied(await Aliases.MoveAsync(model, "prod", 1, "ops", "go live", default));

        ModelAlias again = Applied(await Aliases.MoveAsync(model, "prod", 1, "ops", "again", default));

        Assert.Equal(first.Move, again.Move);
        Assert.Single(await Registry.GetAliasHistoryAsync(model, "prod", default));
    }

    [Fact]
    public async Task MoveAsync_UnregisteredVersion_IsNotFoundAndWritesNothing()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 1);

        Assert.IsType<RegistryChange<ModelAlias>.NotFound>(await Aliases.MoveAsync(model, AliasName.Champion, 7, "ops", "typo", default));

        Assert.Null(await Registry.GetChampionAsync(model, default));
        Assert.Empty(await Registry.GetAliasHistoryAsync(model, AliasName.Champion, default));
    }

    [Theory]
    [InlineData("Champion")]
    [InlineData("-prod")]
    [InlineData("a_b")]
    [InlineData("")]
    public async Task MoveAsync_InvalidAliasName_Throws(string alias)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Aliases.MoveAsync(UniqueNames.Model(), alias, 1, "ops", "x", default));
    }

    [Fact]
    public async Task RollbackAsync_AfterAPromotion_RestoresThePreviousChampionAndRecordsTheRollback()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);
        await Aliases.MoveAsync(model, AliasName.Champion, 1, AliasMove.ByPipeline, "first version", default);
        await Aliases.MoveAsync(model, AliasName.Champion, 2, AliasMove.ByPipeline, "v2 beats v1", default);

        ModelAlias rolledBack = Applied(await Aliases.RollbackAsync(model, AliasName.Champion, "ops@example.com", "incident 42", default));

        Assert.Equal((1, 2, 3), (rolledBack.Version, rolledBack.Move.PreviousVersion, rolledBack.Move.Sequence));
        Assert.Equal("ops@example.com", rolledBack.Move.MovedBy);
        Assert.Contains("incident 42", rolledBack.Move.Reason);
        Champion champion = (await Registry.GetChampionAsync(model, default))!;
        Assert.Equal((1, 2), (champion.Version, champion.PreviousVersion));
        Assert.Equal([1, 2, 1], (await Registry.GetAliasHistoryAsync(model, AliasName.Champion, default)).Select(m => m.Version));
    }

    [Fact]
    public async Task RollbackAsync_Twice_UndoesTheFirstRollback()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);
        await Aliases.MoveAsync(model, AliasName.Champion, 1, "ops", "one", default);
        await Aliases.MoveAsync(model, AliasName.Champion, 2, "ops", "two", default);
        await Aliases.RollbackAsync(model, AliasName.Champion, "ops", "back", default);

        ModelAlias again = Applied(await Aliases.RollbackAsync(model, AliasName.Champion, "ops", "forward again", default));

        Assert.Equal((2, 1), (again.Version, again.Move.PreviousVersion));
    }

    [Fact]
    public async Task RollbackAsync_NothingToRollBackTo_IsAConflict_AnUnknownAliasIsNotFound()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 1);
        await Aliases.MoveAsync(model, AliasName.Champion, 1, "ops", "one", default);

        var conflict = Assert.IsType<RegistryChange<ModelAlias>.Conflict>(await Aliases.RollbackAsync(model, AliasName.Champion, "ops", "x", default));

        Assert.Contains("nothing to roll back to", conflict.Detail);
        Assert.IsType<RegistryChange<ModelAlias>.NotFound>(await Aliases.RollbackAsync(model, AliasName.Challenger, "ops", "x", default));
        Assert.Single(await Registry.GetAliasHistoryAsync(model, AliasName.Champion, default));
    }

    [Fact]
    public async Task RollbackAsync_PreviousHolderArchived_IsAConflictAndWritesNothing()
    {
        string model = UniqueNames.Model();
        await RegisterAsync(model, 2);
        await Aliases.MoveAsync(model, AliasName.Champion, 1, "ops", "one", default);
        await Aliases.MoveAsync(model, AliasName.Champion, 2, "ops", "two", default);
        Assert.IsType<RegistryChange<ModelVersion>.Applied>(await _host.Get<ModelVersions>().ArchiveAsync(model, 1, "ops", "retired", default));

        var conflict = Assert.IsType<RegistryChange<ModelAlias>.Conflict>(await Aliases.RollbackAsync(model, AliasName.Champion, "ops", "x", default));

        Assert.Contains("v1 is archived", conflict.Detail);
        Assert.Equal(2, (await Registry.GetChampionAsync(model, default))!.Version);
    }

    async Task RegisterAsync(string model, int versions)
    {
        for (int i = 1; i <= versions; i++)
        {
            await Registry.RegisterAsync(Registrations.For(model, $"run-{i}"), default);
        }
    }

    static ModelAlias Applied(RegistryChange<ModelAlias> change) => Assert.IsType<RegistryChange<ModelAlias>.Applied>(change).Value;
}
