using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary><c>?explain=true</c> on the three predict routes, through the local host.</summary>
public sealed class ExplainTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Predict_ExplainTrue_AnswersEachRowsContributionsByColumn_OnEveryRoute_AnyOtherValueIs400()
    {
        string model = UniqueNames.Model("e2e");
        await host.TrainingData.GetBlobClient($"{model}/data.csv").UploadAsync(BinaryData.FromString(new DemoDataset(800, 7).ToCsv()));
        await host.Http.WaitForModelAsync(model, o => o["champion"]?["version"] is not null);

        HttpResponseMessage single = await PostAsync($"/api/models/{model}/predict?explain=true", DemoRequests.Churner);
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        JsonNode answer = JsonNode.Parse(await single.Content.ReadAsStringAsync())!;
        AssertExplained(answer["prediction"]!);
        Assert.Null(answer["explainUnsupported"]);

        string rows = JsonSerializer.Serialize(new DemoDataset(3, 8).RequestRows());
        JsonNode batch = JsonNode.Parse(await (await PostAsync($"/api/models/{model}/versions/1/predict?explain=true", rows)).Content.ReadAsStringAsync())!;
        Assert.Equal(3, batch["predictions"]!.AsArray().Count);
        Assert.All(batch["predictions"]!.AsArray(), p => AssertExplained(p!));

        JsonNode plain = JsonNode.Parse(await (await PostAsync($"/api/models/{model}/aliases/champion/predict?explain=false", DemoRequests.Churner))
            .Content.ReadAsStringAsync())!;
        Assert.False(plain["prediction"]!.AsObject().ContainsKey("explanation"));
        Assert.Equal(answer["prediction"]!["probability"]!.GetValue<double>(), plain["prediction"]!["probability"]!.GetValue<double>());

        foreach (string bad in new[] { "yes", "1", "", "true&explain=false" })
        {
            HttpResponseMessage response = await PostAsync($"/api/models/{model}/predict?explain={bad}", DemoRequests.Churner);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            JsonNode problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Contains("must be true or false", problem["errors"]!["explain"]![0]!.GetValue<string>());
        }
    }

    static void AssertExplained(JsonNode prediction)
    {
        JsonNode explanation = prediction["explanation"]!;
        Assert.True(double.IsFinite(explanation["score"]!.GetValue<double>()));
        JsonNode[] contributions = explanation["contributions"]!.AsArray().Select(c => c!).ToArray();
        Assert.Equal(DemoDataset.FeatureNames.Order(), contributions.Select(c => c["feature"]!.GetValue<string>()).Order());
        double[] sizes = contributions.Select(c => Math.Abs(c["contribution"]!.GetValue<double>())).ToArray();
        Assert.Equal(sizes.OrderDescending(), sizes);
    }

    Task<HttpResponseMessage> PostAsync(string route, string json) =>
        host.Http.PostAsync(route, new StringContent(json, Encoding.UTF8, "application/json"));
}
