using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>
/// Drift through the local host: traffic like training drifts nowhere, traffic shifted on two features drifts on exactly
/// those two; under the <c>retrain</c> policy, new labelled data (an upload, or labels sent back as feedback) makes
/// <c>POST drift/run</c> start a training run that registers a new version, and without new labels it alerts and
/// nothing retrains. The model's report history and its overview show each verdict and action.
/// </summary>
public sealed class DriftActionsTests(DriftHostFixture host) : IClassFixture<DriftHostFixture>
{
    /// <summary>Enough rows that traffic like training stays well below the distance thresholds (0.1) on every feature.</summary>
    const int TrafficRows = 2000;
    const int RowsPerRequest = 1000;
    static readonly string[] ShiftedFeatures = ["contract", "tenure_months"];
    static readonly string[] Ended = ["Rejected", "Duplicate", "Promoted", "NotPromoted", "Failed"];

    [Fact]
    public async Task TrafficLikeTraining_NoDrift_ShiftedOnTwoFeatures_DriftOnExactlyThose_AlertRecorded_NothingRetrains()
    {
        string model = host.Model("alert");
        await WaitForChampionAsync(model);

        await PredictAsync(model, new DemoDataset(TrafficRows, 201));
        JsonNode stable = await MeasureAsync(model);
        await PredictAsync(model, new DemoDataset(TrafficRows, 202, Shift: 1.0, ShiftedFeatures: ShiftedFeatures));
        JsonNode shifted = await MeasureAsync(model);

        Assert.Equal(("Computed", TrafficRows), (stable["status"]!.GetValue<string>(), stable["sampleCount"]!.GetValue<int>()));
        Assert.True(stable["driftedFeatures"]!.AsArray().Count == 0, stable.ToJsonString());
        Assert.False(stable["driftDetected"]!.GetValue<bool>(), stable.ToJsonString());
        Assert.Equal("None", stable["action"]!["kind"]!.GetValue<string>());

        Assert.Equal(ShiftedFeatures, shifted["driftedFeatures"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.All(shifted["features"]!.AsObject(), f => Assert.Equal(ShiftedFeatures.Contains(f.Key), f.Value!["drifted"]!.GetValue<bool>()));
        Assert.True(shifted["driftDetected"]!.GetValue<bool>(), shifted.ToJsonString());
        JsonNode action = shifted["action"]!;
        Assert.Equal(("Alert", "alert", true), (action["kind"]!.GetValue<string>(), action["policy"]!.GetValue<string>(), action["alerted"]!.GetValue<bool>()));

        JsonNode history = await GetJsonAsync($"/api/models/{model}/drift");
        Assert.Equal([ComputedAt(shifted), ComputedAt(stable)], history["reports"]!.AsArray().Select(r => ComputedAt(r!)));
        string from = Uri.EscapeDataString(ComputedAt(shifted));
        JsonNode latestOnly = await GetJsonAsync($"/api/models/{model}/drift?from={from}");
        Assert.Equal([ComputedAt(shifted)], latestOnly["reports"]!.AsArray().Select(r => ComputedAt(r!)));

        JsonNode overview = await GetJsonAsync($"/api/models/{model}");
        Assert.Equal("Alert", overview["latestDrift"]!["action"]!["kind"]!.GetValue<string>());
        Assert.Equal(ComputedAt(shifted), ComputedAt(overview["latestDriftAction"]!));
        Assert.Single(overview["versions"]!.AsArray());
        Assert.Single(overview["recentRuns"]!.AsArray());
    }

    [Fact]
    public async Task RetrainPolicy_NewUpload_DriftRunStartsTheUploadsRun_WhichRegistersANewVersion()
    {
        string model = host.Model("upload");
        await WaitForChampionAsync(model);
        await PredictAsync(model, new DemoDataset(TrafficRows, 203, Shift: 1.0));
        await host.TrainingData.GetBlobClient($"{model}/fresh.csv").UploadAsync(BinaryData.FromString(new DemoDataset(1500, 204, Shift: 1.0).ToCsv()));

        JsonNode report = await MeasureAsync(model);

        JsonNode action = report["action"]!;
        Assert.Equal("RetrainQueued", action["kind"]!.GetValue<string>());
        Assert.Equal($"training-data/{model}/fresh.csv", action["trainingData"]!.GetValue<string>());
        JsonNode run = await WaitForRunAsync(model, action["runId"]!.GetValue<string>());
        Assert.Equal(2, run["version"]!.GetValue<int>());
        JsonNode card = await GetJsonAsync($"/api/models/{model}/versions/2");
        Assert.Equal($"{model}/fresh.csv", card["registered"]!["registration"]!["lineage"]!["sourceBlob"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetrainPolicy_LabelsSentBackAsFeedback_DriftRunTrainsOnASnapshotOfTheChampionsDataAndThem()
    {
        string model = host.Model("feedback");
        await WaitForChampionAsync(model);
        var traffic = new DemoDataset(RowsPerRequest, 205, Shift: 1.0);
        IReadOnlyList<string> requestIds = await PredictAsync(model, traffic);
        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows = traffic.FileRows();
        foreach ((string requestId, int request) in requestIds.Select((id, i) => (id, i)))
        {
            await SendFeedbackAsync(model, Enumerable.Range(0, RowsPerRequest)
                .Select(row => new { requestId, row, label = rows[request * RowsPerRequest + row]["churned"] }).ToList());
        }

        JsonNode report = await MeasureAsync(model);

        JsonNode action = report["action"]!;
        Assert.Equal("RetrainQueued", action["kind"]!.GetValue<string>());
        JsonNode lineage = action["lineage"]!;
        Assert.Equal((1, RowsPerRequest), (lineage["baseVersion"]!.GetValue<int>(), lineage["feedbackRows"]!.GetValue<int>()));
        string snapshot = action["trainingData"]!.GetValue<string>();
        Assert.Equal(lineage["datasetBlob"]!.GetValue<string>(), snapshot);
        JsonNode run = await WaitForRunAsync(model, action["runId"]!.GetValue<string>());
        Assert.Equal(2, run["version"]!.GetValue<int>());
        JsonNode card = await GetJsonAsync($"/api/models/{model}/versions/2");
        Assert.Equal(snapshot, card["registered"]!["registration"]!["lineage"]!["datasetBlob"]!.GetValue<string>());
    }

    [Fact]
    public async Task RetrainPolicy_NoNewLabels_AlertRecorded_NothingRetrains()
    {
        string model = host.Model("nolabels");
        await WaitForChampionAsync(model);
        await PredictAsync(model, new DemoDataset(TrafficRows, 206, Shift: 1.0));

        JsonNode report = await MeasureAsync(model);

        JsonNode action = report["action"]!;
        Assert.Equal(("NoNewLabels", "retrain", true), (action["kind"]!.GetValue<string>(), action["policy"]!.GetValue<string>(), action["alerted"]!.GetValue<bool>()));
        Assert.StartsWith("drift, no new labels", action["reason"]!.GetValue<string>());
        JsonNode overview = await GetJsonAsync($"/api/models/{model}");
        Assert.Equal("NoNewLabels", overview["latestDriftAction"]!["action"]!["kind"]!.GetValue<string>());
        Assert.Single(overview["recentRuns"]!.AsArray());
        Assert.Single(overview["versions"]!.AsArray());
    }

    [Fact]
    public async Task Routes_BadWindowOrUnknownModel_AreRefused()
    {
        string model = host.Model("alert");
        await WaitForChampionAsync(model);
        string unknown = UniqueNames.Model("unknown");

        JsonNode badDates = await ProblemAsync(await host.Http.GetAsync($"/api/models/{model}/drift?from=yesterday&to=2026-13-01"), HttpStatusCode.BadRequest);
        JsonNode reversed = await ProblemAsync(await host.Http.GetAsync($"/api/models/{model}/drift?from=2026-11-25&to=2026-11-24"), HttpStatusCode.BadRequest);
        await ProblemAsync(await host.Http.GetAsync($"/api/models/{unknown}/drift"), HttpStatusCode.NotFound);
        await ProblemAsync(await host.Http.PostAsync($"/api/models/{unknown}/drift/run", null), HttpStatusCode.NotFound);
        await ProblemAsync(await host.Http.PostAsync("/api/models/Not_A_Name/drift/run", null), HttpStatusCode.BadRequest);

        Assert.Equal(["from", "to"], badDates["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Contains("must not be before from", reversed["errors"]!["to"]![0]!.GetValue<string>());
    }

    static string ComputedAt(JsonNode report) => report["computedAt"]!.GetValue<string>();

    Task WaitForChampionAsync(string model) => host.Http.WaitForModelAsync(model, o => o["champion"]?["version"]?.GetValue<int>() == 1);

    /// <summary>Serves the dataset's rows in batch requests of <see cref="RowsPerRequest"/> rows; their request ids, in order.</summary>
    async Task<IReadOnlyList<string>> PredictAsync(string model, DemoDataset traffic)
    {
        var requestIds = new List<string>();
        foreach (IReadOnlyDictionary<string, object?>[] rows in traffic.RequestRows().Chunk(RowsPerRequest))
        {
            HttpResponseMessage response = await host.Http.PostAsJsonAsync($"/api/models/{model}/predict", rows);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            requestIds.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["requestId"]!.GetValue<string>());
        }

        return requestIds;
    }

    /// <summary>Sends labels for served rows, once their request is in the prediction log (written off the request path).</summary>
    async Task SendFeedbackAsync(string model, object labels)
    {
        DateTime deadline = DateTime.UtcNow + ModelWaits.Patience;
        string last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            HttpResponseMessage response = await host.Http.PostAsJsonAsync($"/api/models/{model}/feedback", labels);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            last = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest && last.Contains("not logged yet", StringComparison.Ordinal), last);
            await Task.Delay(250);
        }

        throw new TimeoutException($"Feedback for {model} was not accepted in {ModelWaits.Patience}; last answer: {last}");
    }

    async Task<JsonNode> MeasureAsync(string model)
    {
        HttpResponseMessage response = await host.Http.PostAsync($"/api/models/{model}/drift/run", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    async Task<JsonNode> GetJsonAsync(string path)
    {
        HttpResponseMessage response = await host.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Polls the run until it has ended; it must have registered a version.</summary>
    async Task<JsonNode> WaitForRunAsync(string model, string runId)
    {
        DateTime deadline = DateTime.UtcNow + ModelWaits.Patience;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            HttpResponseMessage response = await host.Http.GetAsync($"/api/models/{model}/runs/{runId}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (Ended.Contains(last["status"]!.GetValue<string>()))
                {
                    Assert.Contains(last["status"]!.GetValue<string>(), new[] { "Promoted", "NotPromoted" });
                    return last;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Run {runId} of {model} did not end in {ModelWaits.Patience}; last seen: {last?.ToJsonString()}");
    }
}
