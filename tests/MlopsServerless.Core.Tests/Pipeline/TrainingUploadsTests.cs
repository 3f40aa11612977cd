using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Pipeline;

/// <summary>Finding the newest upload a drift retrain can use, against a real Azurite (whose times, as Azure's, have one-second resolution).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrainingUploadsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FindNewestAsync_AnUploadThatRanAndOneThatDidNot_ReturnsTheOneThatDidNot()
    {
        string model = UniqueNames.Model();
        DateTimeOffset since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var uploads = _host.Get<TrainingUploads>();
        // Written back to back, usually within the same second; the one that ran sorts first, as the champion's upload did.
        TrainingRequest ran = await UploadAsync(model, "a-trained.csv");
        Assert.True(await uploads.TryQueueAsync(ran, default));
        TrainingRequest fresh = await UploadAsync(model, "b-fresh.csv");

        UploadedDataset? newest = await uploads.FindNewestAsync(model, since, default);

        Assert.Equal(fresh, newest?.Request);
        Assert.Null(newest!.Run);
    }

    [Fact]
    public async Task FindNewestAsync_EveryUploadRan_ReturnsTheNewestWithItsRun_AndNoneBeforeSince()
    {
        string model = UniqueNames.Model();
        var uploads = _host.Get<TrainingUploads>();
        TrainingRequest ran = await UploadAsync(model, "data.csv");
        Assert.True(await uploads.TryQueueAsync(ran, default));

        UploadedDataset? newest = await uploads.FindNewestAsync(model, DateTimeOffset.UtcNow.AddMinutes(-1), default);
        UploadedDataset? none = await uploads.FindNewestAsync(model, DateTimeOffset.UtcNow.AddMinutes(1), default);

        Assert.Equal((ran, ran.RunId), (newest?.Request, newest?.Run?.RunId));
        Assert.Null(none);
    }

    async Task<TrainingRequest> UploadAsync(string model, string file)
    {
        string blobName = $"{model}/{file}";
        var blob = _host.Get<StorageClients>().Container(StorageNames.Containers.TrainingData).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(new DemoDataset(50, 3).ToCsv()), overwrite: true);
        return (await _host.Get<TrainingUploads>().ToTrainingRequestAsync(blob, blobName, default))!;
    }
}
