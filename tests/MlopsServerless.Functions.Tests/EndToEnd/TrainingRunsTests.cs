using System.Net;
using System.Text.Json.Nodes;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>Training runs through the local host: one at a time per model, their progress over HTTP, an operator's retrain.</summary>
public sealed class TrainingRunsTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    static readonly string[] Ended = ["Rejected", "Duplicate", "Promoted", "NotPromoted", "Failed"];

    [Fact]
    public async Task TwoUploadsInQuickSuccession_RunOneAfterTheOther_AsVersions1And2_EachWithItsProgress()
    {
        string model = UniqueNames.Model("runs");
        await UploadAsync($"{model}/model.json", """{"candidates": 4}""");
        await UploadAsync($"{model}/monday.csv", new DemoDataset(400, 31).ToCsv());
        await UploadAsync($"{model}/tuesday.csv", new DemoDataset(400, 32).ToCsv());

        JsonArray listed = await WaitForRunsAsync(model, runs => runs.Count == 2 && runs.All(r => Ended.Contains(Status(r))));

        JsonNode[] runs = await Task.WhenAll(listed.OrderBy(r => r!["version"]?.GetValue<int>())
            .Select(r => GetRunAsync(model, r!["runId"]!.GetValue<string>())));
        Assert.Equal([1, 2], runs.Select(r => r["version"]?.GetValue<int>()));
        Assert.All(runs, run => Assert.Contains(Status(run), new[] { "Promoted", "NotPromoted" }));
        (DateTime _, DateTime firstEnded) = Span(runs[0]);
        (DateTime secondStarted, DateTime _) = Span(runs[1]);
        Assert.True(secondStarted >= firstEnded, $"run 2 started at {secondStarted:O}, before run 1 ended at {firstEnded:O}");

        foreach (JsonNode run in runs)
        {
            JsonNode progress = run["progress"]!;
            Assert.Equal(["ValidateTrainingData", "PlanCandidates", "TrainCandidate", "SelectCandidate", "RegisterModelVersion", "PromoteIfBetter"],
                progress["steps"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()));
            Assert.All(progress["steps"]!.AsArray(), s => Assert.True(s!["seconds"]!.GetValue<double>() >= 0));
            JsonNode[] trained = progress["candidates"]!.AsArray().Where(c => c!["state"]!.GetValue<string>() == "Trained").Select(c => c!).ToArray();
            Assert.True(trained.Select(Family).Distinct().Count() >= 3, $"trained families: {string.Join(", ", trained.Select(Family))}");
            Assert.All(trained, c => Assert.InRange(c["validationMetrics"]!["primaryValue"]!.GetValue<double>(), 0.5, 1.0));
            JsonNode decision = progress["decision"]!;
            Assert.Equal(Status(run) == "Promoted", decision["promoted"]!.GetValue<bool>());
            Assert.False(string.IsNullOrWhiteSpace(decision["reason"]!.GetValue<string>()));
            Assert.Equal(run["message"]!.GetValue<string>(), decision["reason"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/api/models/{model}/runs/{model}-no-such-run")).StatusCode);
    }

    [Fact]
    public async Task Retrain_Accepted_TrainsTheSameDataAgainAsANewVersion()
    {
        string model = UniqueNames.Model("retrain");
        HttpResponseMessage nothingYet = await host.Http.PostAsync($"/api/models/{model}/retrain", null);
        Assert.Equal(HttpStatusCode.NotFound, nothingYet.StatusCode);
        await UploadAsync($"{model}/model.json", """{"candidates": 2}""");
        await UploadAsync($"{model}/data.csv", new DemoDataset(300, 33).ToCsv());
        await WaitForRunsAsync(model, runs => runs.Count == 1 && Status(runs[0]!) == "Promoted");

        HttpResponseMessage accepted = await host.Http.PostAsync($"/api/models/{model}/retrain", null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        JsonNode answer = JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!;
        string runId = answer["runId"]!.GetValue<string>();
        Assert.Equal($"/api/models/{model}/runs/{runId}", accepted.Headers.Location?.OriginalString);
        JsonArray runs = await WaitForRunsAsync(model, r => r.Any(run => run!["runId"]!.GetValue<string>() == runId && Ended.Contains(Status(run))));
        JsonNode retrained = await GetRunAsync(model, runId);
        Assert.Contains(Status(retrained), new[] { "Promoted", "NotPromoted" });
        Assert.Equal(2, retrained["version"]!.GetValue<int>());
        Assert.Equal(2, runs.Count);
    }

    static string Status(JsonNode? run) => run!["status"]!.GetValue<string>();

    /// <summary>The trainer family of a candidate in a run's progress (<c>"c01 FastTree(leaves=20, …)"</c>).</summary>
    static string Family(JsonNode candidate) => candidate["configuration"]!.GetValue<string>().Split(' ')[1].Split('(')[0];

    /// <summary>When a run's first step started and its last step ended.</summary>
    static (DateTime Started, DateTime Ended) Span(JsonNode run)
    {
        JsonArray steps = run["progress"]!["steps"]!.AsArray();
        return (steps.Min(s => s!["startedAt"]!.GetValue<DateTime>()), steps.Max(s => s!["endedAt"]!.GetValue<DateTime>()));
    }

    async Task<JsonNode> GetRunAsync(string model, string runId)
    {
        HttpResponseMessage response = await host.Http.GetAsync($"/api/models/{model}/runs/{runId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Polls <c>GET /api/models/{model}/runs</c> until <paramref name="condition"/> holds for the list.</summary>
    async Task<JsonArray> WaitForRunsAsync(string model, Func<JsonArray, bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + ModelWaits.Patience;
        JsonArray? last = null;
        while (DateTime.UtcNow < deadline)
        {
            HttpResponseMessage response = await host.Http.GetAsync($"/api/models/{model}/runs");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
                if (condition(last))
                {
                    return last;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The runs of {model} did not reach the expected state in {ModelWaits.Patience}; last seen: {last?.ToJsonString()}");
    }

    Task UploadAsync(string blobName, string content) =>
        host.TrainingData.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(content), overwrite: true);
}
