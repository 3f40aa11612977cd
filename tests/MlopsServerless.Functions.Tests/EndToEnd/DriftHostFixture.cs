using Azure.Storage.Blobs;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Storage;
using MlopsServerless.LocalHost;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>
/// A real Azurite and one local host for the drift tests, with each model's training data uploaded before the host
/// starts. The blob watcher looks once, at start, and not again within the tests: a CSV uploaded during a test stands
/// for an upload whose event has not arrived, so only the drift monitor can start its run. Drift needs few rows, the
/// timer never fires during a test (its schedule is New Year's midnight), and each run trains two candidates.
/// </summary>
public sealed class DriftHostFixture : IAsyncLifetime
{
    public const string AlertSpec = """{"candidates": 2}""";
    public const string RetrainSpec = """{"candidates": 2, "driftAction": "retrain"}""";
    public const int TrainingRows = 4000;

    AzuriteInstance? _azurite;
    RunningLocalHost? _host;

    /// <summary>Model name → model.json of each model trained at start.</summary>
    public IReadOnlyDictionary<string, string> Models { get; } = new Dictionary<string, string>
    {
        [UniqueNames.Model("alert")] = AlertSpec,
        [UniqueNames.Model("upload")] = RetrainSpec,
        [UniqueNames.Model("feedback")] = RetrainSpec,
        [UniqueNames.Model("nolabels")] = RetrainSpec,
    };

    public HttpClient Http => _host!.Http;

    public StorageClients Storage => _host!.Storage;

    public BlobContainerClient TrainingData => Storage.Container(StorageNames.Containers.TrainingData);

    /// <summary>The model trained at start whose name starts with <paramref name="prefix"/>.</summary>
    public string Model(string prefix) => Models.Keys.Single(m => m.StartsWith(prefix + "-", StringComparison.Ordinal));

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        BlobContainerClient trainingData = new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(StorageNames.Containers.TrainingData);
        await trainingData.CreateIfNotExistsAsync();
        int seed = 100;
        foreach ((string model, string spec) in Models)
        {
            await trainingData.GetBlobClient($"{model}/model.json").UploadAsync(BinaryData.FromString(spec));
            await trainingData.GetBlobClient($"{model}/data.csv").UploadAsync(BinaryData.FromString(new DemoDataset(TrainingRows, seed++).ToCsv()));
        }

        _host = await RunningLocalHost.StartAsync(_azurite.ConnectionString, "drift", new Dictionary<string, string?>
        {
            [LocalHostOptions.BlobPollMillisecondsKey] = "3600000",
            [SettingKeys.DriftMinimumSamples] = "50",
            [SettingKeys.DriftSchedule] = "0 0 0 1 1 *",
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
