using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>The whole loop through the local host: upload → orchestration → registry → champion → predictions → drift.</summary>
public sealed class TrainingLoopTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task UploadedDataset_IsTrainedPromotedAndServed_ThenASecondUploadRegistersV2()
    {
        string model = UniqueNames.Model("e2e");
        await UploadAsync($"{model}/first.csv", new DemoDataset(800, 1).ToCsv());

        JsonNode overview = await WaitForAsync(model, o => o["champion"]?["version"]?.GetValue<int>() == 1);
        Assert.Equal("auc", overview["champion"]!["metrics"]!["primaryMetric"]!.GetValue<string>());
        Assert.Equal("Promoted", overview["recentRuns"]![0]!["status"]!.GetValue<string>());

        HttpResponseMessage ok = await PredictAsync(model, DemoRequests.Churner);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/json; charset=utf-8", ok.Content.Headers.ContentType!.ToString());
        JsonNode answer = JsonNode.Parse(await ok.Content.ReadAsStringAsync())!;
        Assert.Equal(1, answer["version"]!.GetValue<int>());
        Assert.InRange(answer["prediction"]!["probability"]!.GetValue<double>(), 0.0, 1.0);
        Assert.Equal(JsonValueKind.True, answer["prediction"]!["predictedLabel"]!.GetValueKind());
        Assert.Equal(["predictedLabel", "probability", "region"], answer["prediction"]!.AsObject().Select(p => p.Key).Order());
        Assert.False(answer.AsObject().ContainsKey("predictions"));

        HttpResponseMessage bad = await PredictAsync(model, DemoRequests.Churner.Replace("\"monthly_spend\": 90", "\"monthly_spend\": \"a lot\""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        JsonNode problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Contains("must be a number", problem["errors"]!["monthly_spend"]![0]!.GetValue<string>());

        await UploadAsync($"{model}/second.csv", new DemoDataset(800, 2).ToCsv());
        JsonNode after = await WaitForAsync(model, o => o["versions"]!.AsArray().Count == 2
            && o["recentRuns"]!.AsArray().All(r => r!["status"]!.GetValue<string>() is "Promoted" or "NotPromoted"));
        Assert.Equal([2, 1], after["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.NotEqual(after["versions"]![0]!["dataSha256"]!.GetValue<string>(), after["versions"]![1]!["dataSha256"]!.GetValue<string>());

        HttpResponseMessage noVersion = await host.Http.PostAsync($"/api/models/{model}/aliases/champion", Json("""{"reason": "test"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.NotNull(JsonNode.Parse(await noVersion.Content.ReadAsStringAsync())!["errors"]!["version"]);
        HttpResponseMessage set = await host.Http.PostAsync($"/api/models/{model}/aliases/champion", Json("""{"version": 2, "reason": "operator test"}"""));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        HttpResponseMessage servedByV2 = await PredictAsync(model, DemoRequests.Churner);
        Assert.Equal(2, JsonNode.Parse(await servedByV2.Content.ReadAsStringAsync())!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task BatchPrediction_AnswersEveryRowInOrder_AndDriftRunReportsOnIt()
    {
        string model = UniqueNames.Model("e2e");
        await UploadAsync($"{model}/data.csv", new DemoDataset(800, 3).ToCsv());
        await WaitForAsync(model, o => o["champion"]?["version"] is not null);

        HttpResponseMessage response = await PredictAsync(model, JsonSerializer.Serialize(new DemoDataset(60, 4, Shift: 1.5).RequestRows()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonNode answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(60, answer["predictions"]!.AsArray().Count);

        HttpResponseMessage drift = await host.Http.PostAsync("/api/drift/run", null);
        Assert.Equal(HttpStatusCode.OK, drift.StatusCode);
        JsonNode report = JsonNode.Parse(await drift.Content.ReadAsStringAsync())!.AsArray()
            .Single(r => r!["model"]!.GetValue<string>() == model)!;
        Assert.Equal(60, report["sampleCount"]!.GetValue<int>());
        Assert.Equal("Computed", report["status"]!.GetValue<string>());
        Assert.True(report["driftDetected"]!.GetValue<bool>());
        JsonNode overview = JsonNode.Parse(await host.Http.GetStringAsync($"/api/models/{model}"))!;
        Assert.Equal(60, overview["latestDrift"]!["sampleCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task MalformedCsv_EndsRejectedWithReport_KeepsTheBlob_RegistersNothing()
    {
        string model = UniqueNames.Model("e2e");
        string blobName = $"{model}/broken.csv";
        await UploadAsync(blobName, "tenure_months,monthly_spend,churned\n1,2,0\n3,\"4,1\n");

        JsonNode overview = await WaitForAsync(model, o => o["recentRuns"]?[0]?["status"]?.GetValue<string>() == "Rejected");

        Assert.Null(overview["champion"]);
        Assert.Empty(overview["versions"]!.AsArray());
        JsonNode run = overview["recentRuns"]![0]!;
        Assert.Contains("closing quote", run["message"]!.GetValue<string>());
        Assert.True(await host.Storage.Blob(run["validationReportBlob"]!.GetValue<string>()).ExistsAsync());
        Assert.True(await host.Storage.Blob(run["quarantineBlob"]!.GetValue<string>()).ExistsAsync());
        Assert.True(await host.TrainingData.GetBlobClient(blobName).ExistsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await PredictAsync(model, "{}")).StatusCode);
    }

    [Theory]
    [InlineData("Not-A-Model", "{}", "model")]
    [InlineData("churn", "{not json", "$")]
    public async Task Predict_BadRouteOrBody_Is400NamingTheField(string model, string body, string field)
    {
        HttpResponseMessage response = await PredictAsync(model, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    [Fact]
    public async Task GetModel_Unknown_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/api/models/{UniqueNames.Model("none")}")).StatusCode);
    }

    [Fact]
    public async Task TypedDataset_RowsAsInTheFile_AreServed_UnseenCategoryToo_AndCategoricalDriftIsReported()
    {
        string model = UniqueNames.Model("e2e");
        var data = new DemoDataset(800, 5, MissingShare: 0.2);
        await UploadAsync($"{model}/customers.csv", data.ToCsv());
        JsonNode overview = await WaitForAsync(model, o => o["champion"]?["version"] is not null);
        JsonNode spec = overview["championVersion"]!["registration"]!["lineage"]!["spec"]!;
        Assert.Equal(["Numeric", "Numeric", "Numeric", "Numeric", "Categorical", "Boolean"],
            spec["features"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>()));

        IReadOnlyDictionary<string, object?> fileRow = data.FileRows().First(r => r["monthly_spend"] is null);
        HttpResponseMessage asInFile = await PredictAsync(model, JsonSerializer.Serialize(fileRow));
        Assert.Equal(HttpStatusCode.OK, asInFile.StatusCode);
        JsonNode answer = JsonNode.Parse(await asInFile.Content.ReadAsStringAsync())!;
        Assert.Equal(["churned", "customer_id"], answer["ignoredFields"]!.AsArray().Select(f => f!.GetValue<string>()));

        HttpResponseMessage unseen = await PredictAsync(model, DemoRequests.Churner.Replace("\"monthly\"", "\"weekly\""));
        Assert.Equal(HttpStatusCode.OK, unseen.StatusCode);
        Assert.False(JsonNode.Parse(await unseen.Content.ReadAsStringAsync())!.AsObject().ContainsKey("ignoredFields"));

        HttpResponseMessage mistyped = await PredictAsync(model, DemoRequests.Churner.Replace("\"tenure_months\": 2", "\"tenure_months\": \"two\""));
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.StatusCode);
        Assert.Contains("must be a number", JsonNode.Parse(await mistyped.Content.ReadAsStringAsync())!["errors"]!["tenure_months"]![0]!.GetValue<string>());

        HttpResponseMessage traffic = await PredictAsync(model, JsonSerializer.Serialize(new DemoDataset(200, 6, Shift: 1.0).FileRows()));
        Assert.Equal(HttpStatusCode.OK, traffic.StatusCode);
        HttpResponseMessage drift = await host.Http.PostAsync("/api/drift/run", null);
        JsonNode report = JsonNode.Parse(await drift.Content.ReadAsStringAsync())!.AsArray().Single(r => r!["model"]!.GetValue<string>() == model)!;
        JsonNode contract = report["features"]!["contract"]!;
        Assert.Equal("Categorical", contract["kind"]!.GetValue<string>());
        Assert.True(contract["psi"]!.GetValue<double>() >= report["threshold"]!.GetValue<double>());
        Assert.Equal(1, contract["unseenCategories"]!.GetValue<int>());
        Assert.Contains("contract", report["driftedFeatures"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    Task UploadAsync(string blobName, string content) =>
        host.TrainingData.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(content), overwrite: true);

    Task<HttpResponseMessage> PredictAsync(string model, string json) => host.Http.PostAsync($"/api/models/{model}/predict", Json(json));

    static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    Task<JsonNode> WaitForAsync(string model, Func<JsonNode, bool> condition) => host.Http.WaitForModelAsync(model, condition);
}
