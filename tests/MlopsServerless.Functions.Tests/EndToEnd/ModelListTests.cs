using System.Net;
using System.Text.Json.Nodes;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary><c>GET /api/models</c>: the champions, and what this host can train and serve.</summary>
public sealed class ModelListTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task ListModels_AnswersEveryChampionAndTheHostsLightGbmHealth()
    {
        string model = UniqueNames.Model("list");
        await host.TrainingData.GetBlobClient($"{model}/data.csv").UploadAsync(BinaryData.FromString(new DemoDataset(400, 5).ToCsv()));
        await host.Http.WaitForModelAsync(model, o => o["champion"]?["version"] is not null);

        HttpResponseMessage response = await host.Http.GetAsync("/api/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        JsonNode champion = answer["models"]!.AsArray().Single(m => m!["model"]!.GetValue<string>() == model)!;
        Assert.Equal(1, champion["version"]!.GetValue<int>());
        JsonNode lightGbm = answer["health"]!["lightGbm"]!;
        Assert.True(lightGbm["available"]!.GetValue<bool>(), lightGbm.ToJsonString());
        Assert.Null(lightGbm["reason"]);
    }
}
