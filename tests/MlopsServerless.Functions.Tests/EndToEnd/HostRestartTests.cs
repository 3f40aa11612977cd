using System.Text.Json.Nodes;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>A local run survives a restart of the host: state lives in Azurite, as it lives in Azure Storage on Azure.</summary>
public sealed class HostRestartTests : IAsyncLifetime
{
    AzuriteInstance _azurite = null!;

    public async Task InitializeAsync() => _azurite = await AzuriteInstance.StartAsync();
    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task HostStoppedWhileCandidatesTrain_NextHostFinishesTheRunOnce_AndServesIt()
    {
        string model = UniqueNames.Model("restart");
        await using (RunningLocalHost first = await RunningLocalHost.StartAsync(_azurite.ConnectionString, "restarts"))
        {
            await first.Storage.Container(StorageNames.Containers.TrainingData).GetBlobClient($"{model}/data.csv")
                .UploadAsync(BinaryData.FromString(new DemoDataset(20_000, 11).ToCsv()));
            JsonNode training = await first.Http.WaitForModelAsync(model, o => o["recentRuns"]?[0]?["status"]?.GetValue<string>() is "Training");
            Assert.Empty(training["versions"]!.AsArray());
        }

        await using RunningLocalHost second = await RunningLocalHost.StartAsync(_azurite.ConnectionString, "restarts");
        JsonNode overview = await second.Http.WaitForModelAsync(model, o => o["champion"]?["version"] is not null);

        Assert.Equal(1, overview["champion"]!["version"]!.GetValue<int>());
        Assert.Single(overview["versions"]!.AsArray());
        JsonNode run = Assert.Single(overview["recentRuns"]!.AsArray())!;
        Assert.Equal("Promoted", run["status"]!.GetValue<string>());
        Assert.All(run["progress"]!["candidates"]!.AsArray(), c => Assert.Equal("Trained", c!["state"]!.GetValue<string>()));
        HttpResponseMessage prediction = await second.Http.PostAsync($"/api/models/{model}/predict", new StringContent(
            DemoRequests.Churner, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(1, JsonNode.Parse(await prediction.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());
    }
}
