using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>Batch scoring through the local host: a CSV in batch-input becomes a scored CSV in batch-output, in order.</summary>
public sealed class BatchScoringTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task BatchJob_OfAHundredThousandRows_WritesEveryPredictionInInputOrder()
    {
        string model = UniqueNames.Model("batch");
        await host.TrainingData.GetBlobClient($"{model}/data.csv").UploadAsync(BinaryData.FromString(new DemoDataset(800, 51).ToCsv()));
        await host.Http.WaitForModelAsync(model, o => o["champion"]?["version"] is not null);
        var rows = new DemoDataset(100_000, 52);
        string inputBlob = $"{StorageNames.Containers.BatchInput}/{model}/rows.csv";
        await host.Storage.Blob(inputBlob).UploadAsync(BinaryData.FromString(rows.ToCsv()));

        HttpResponseMessage accepted = await host.Http.PostAsync($"/api/models/{model}/batch",
            new StringContent($$"""{"inputBlob": "{{inputBlob}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        string status = JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["status"]!.GetValue<string>();
        JsonNode job = await WaitForAsync(status, j => j["runtimeStatus"]!.GetValue<string>() is "Completed" or "Failed");

        Assert.Equal("Completed", job["runtimeStatus"]!.GetValue<string>());
        Assert.Equal((100_000, 0), (job["result"]!["rows"]!.GetValue<int>(), job["result"]!["invalidRows"]!.GetValue<int>()));
        string output = (await host.Storage.Blob(job["result"]!["outputBlob"]!.GetValue<string>()).DownloadContentAsync()).Value.Content.ToString();
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100_001, lines.Length);
        Assert.EndsWith("predicted_label,probability,model_version,error", lines[0].TrimEnd('\r'));
        IEnumerable<string> expectedIds = rows.FileRows().Select(r => (string)r[DemoDataset.IdColumn]!);
        Assert.Equal(expectedIds, lines.Skip(1).Select(l => l[..l.IndexOf(',')]));
        Assert.All(lines.Skip(1).Take(100), l => Assert.EndsWith(",1,", l.TrimEnd('\r')));
    }

    [Fact]
    public async Task StartBatch_InputOutsideTheModelsFolderOrMissing_Is400NamingInputBlob()
    {
        string model = UniqueNames.Model("batch");

        HttpResponseMessage outside = await host.Http.PostAsync($"/api/models/{model}/batch",
            new StringContent("""{"inputBlob": "training-data/other/rows.csv"}""", Encoding.UTF8, "application/json"));
        HttpResponseMessage missing = await host.Http.PostAsync($"/api/models/{model}/batch",
            new StringContent($$"""{"inputBlob": "batch-input/{{model}}/none.csv"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull(JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["errors"]!["inputBlob"]);
    }

    async Task<JsonNode> WaitForAsync(string route, Func<JsonNode, bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + ModelWaits.Patience;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            HttpResponseMessage response = await host.Http.GetAsync(route);
            if (response.StatusCode == HttpStatusCode.OK && condition(last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!))
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{route} did not reach the expected state; last seen: {last?.ToJsonString()}");
    }
}
