using System.Security.Cryptography;
using System.Text;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Datasets.Csv;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Datasets;

/// <summary>
/// The snapshot cache against a real Azurite. Each snapshot's blob is deleted once it has been read, so a later read
/// succeeds only when the store kept it in memory.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DatasetStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task LoadAsync_MoreDatasetsThanItKeeps_KeepsTheMostRecentlyReadAndEvictsTheRest()
    {
        var store = new DatasetStore(_host.Get<StorageClients>());
        string model = UniqueNames.Model();
        var snapshots = new List<(string Blob, ModelSpec Spec)>();
        for (int i = 0; i <= DatasetStore.CachedDatasets; i++)
        {
            snapshots.Add(await SnapshotReadAndDeleteAsync(store, model, rows: 20 + i));
        }

        // Read the newest ones again (all deleted from storage by now): they must come from memory, the oldest must not.
        foreach ((string blob, ModelSpec spec) in snapshots.Skip(1))
        {
            Assert.Equal(20 + snapshots.IndexOf((blob, spec)), (await store.LoadAsync(blob, spec, default)).RowCount);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => store.LoadAsync(snapshots[0].Blob, snapshots[0].Spec, default));
    }

    [Fact]
    public async Task LoadAsync_ReadFails_IsNotKeptAndTheNextReadTriesAgain()
    {
        var store = new DatasetStore(_host.Get<StorageClients>());
        string model = UniqueNames.Model();
        (string text, ValidationResult validation) = Dataset(rows: 30);
        string blob = BlobPaths.Dataset(model, new string('a', 64));

        await Assert.ThrowsAnyAsync<Exception>(() => store.LoadAsync(blob, validation.Spec!, default));
        await store.SnapshotAsync(model, new string('a', 64), Csv.Stream(text), CsvDialect.Default, default);

        Assert.Equal(30, (await store.LoadAsync(blob, validation.Spec!, default)).RowCount);
    }

    async Task<(string Blob, ModelSpec Spec)> SnapshotReadAndDeleteAsync(DatasetStore store, string model, int rows)
    {
        (string text, ValidationResult validation) = Dataset(rows);
        string blob = await store.SnapshotAsync(model, Sha256(text), Csv.Stream(text), CsvDialect.Default, default);
        Assert.Equal(rows, (await store.LoadAsync(blob, validation.Spec!, default)).RowCount);
        await _host.Get<StorageClients>().Blob(blob).DeleteAsync();
        return (blob, validation.Spec!);
    }

    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    static (string Text, ValidationResult Validation) Dataset(int rows)
    {
        string text = Csv.Build("x,y,label", rows, i => $"{i},{i % 7},{(i % 2 == 0 ? "yes" : "no")}");
        return (text, Csv.Validate(text));
    }
}
