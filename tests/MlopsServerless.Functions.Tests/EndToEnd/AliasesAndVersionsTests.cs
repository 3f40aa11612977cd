using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>Aliases, rollback, archive, tags and serving by alias or version, through the local host (refresh bound 0).</summary>
public sealed class AliasesAndVersionsTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    const string Principal = "alice@example.com";

    [Fact]
    public async Task Aliases_MoveServeRollBack_ArchiveAndTags_ThroughTheApi()
    {
        string model = await TrainTwoVersionsAsync();
        int champion = await ServedVersionAsync($"/api/models/{model}/predict");
        int other = 3 - champion;

        HttpResponseMessage challenger = await PostAsync($"/api/models/{model}/aliases/challenger", $$"""{"version": {{other}}, "reason": "try it"}""", Principal);
        Assert.Equal(HttpStatusCode.OK, challenger.StatusCode);
        JsonNode move = (await ReadAsync(challenger))["move"]!;
        Assert.Equal((other, Principal, "try it", 1), (move["version"]!.GetValue<int>(), move["movedBy"]!.GetValue<string>(),
            move["reason"]!.GetValue<string>(), move["sequence"]!.GetValue<int>()));
        JsonNode byAlias = await ReadAsync(await PostAsync($"/api/models/{model}/aliases/challenger/predict", DemoRequests.Churner));
        Assert.Equal((other, "challenger"), (byAlias["version"]!.GetValue<int>(), byAlias["alias"]!.GetValue<string>()));
        JsonNode byVersion = await ReadAsync(await PostAsync($"/api/models/{model}/versions/{champion}/predict", DemoRequests.Churner));
        Assert.Equal(champion, byVersion["version"]!.GetValue<int>());
        Assert.Null(byVersion["alias"]);

        HttpResponseMessage promoted = await PostAsync($"/api/models/{model}/aliases/champion", $$"""{"version": {{other}}, "reason": "operator promotion"}""");
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        JsonNode promotion = (await ReadAsync(promoted))["move"]!;
        Assert.Equal((champion, "operator"), (promotion["previousVersion"]!.GetValue<int>(), promotion["movedBy"]!.GetValue<string>()));
        Assert.Equal(other, await ServedVersionAsync($"/api/models/{model}/predict"));

        HttpResponseMessage rollback = await PostAsync($"/api/models/{model}/aliases/champion/rollback", """{"reason": "incident 42"}""", Principal);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(champion, await ServedVersionAsync($"/api/models/{model}/predict"));
        JsonNode history = JsonNode.Parse(await host.Http.GetStringAsync($"/api/models/{model}/aliases/champion/history"))!;
        JsonNode[] moves = history["moves"]!.AsArray().Select(m => m!).ToArray();
        Assert.Equal([champion, other, champion], moves.Take(3).Select(m => m["version"]!.GetValue<int>()));
        Assert.Equal(Principal, moves[0]["movedBy"]!.GetValue<string>());
        Assert.Contains("incident 42", moves[0]["reason"]!.GetValue<string>());
        Assert.Equal(other, moves[0]["previousVersion"]!.GetValue<int>());
        Assert.Equal("pipeline", moves[^1]["movedBy"]!.GetValue<string>());
        Assert.Equal(champion, JsonNode.Parse(await host.Http.GetStringAsync($"/api/models/{model}"))!["champion"]!["version"]!.GetValue<int>());

        HttpResponseMessage held = await PostAsync($"/api/models/{model}/versions/{other}/archive", """{"reason": "retire"}""");
        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        Assert.Contains("'challenger'", (await ReadAsync(held))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/api/models/{model}/aliases/challenger", $$"""{"version": {{champion}}, "reason": "trial over"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/api/models/{model}/versions/{other}/archive", """{"reason": "retire"}""", Principal)).StatusCode);
        HttpResponseMessage archivedPredict = await PostAsync($"/api/models/{model}/versions/{other}/predict", DemoRequests.Churner);
        Assert.Equal(HttpStatusCode.Conflict, archivedPredict.StatusCode);
        Assert.Contains("archived", (await ReadAsync(archivedPredict))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync($"/api/models/{model}/aliases/prod", $$"""{"version": {{other}}, "reason": "x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync($"/api/models/{model}/aliases/champion/rollback", """{"reason": "back to the archived one"}""")).StatusCode);

        HttpResponseMessage tags = await SendAsync(HttpMethod.Put, $"/api/models/{model}/versions/{other}/tags", """{"owner": "risk-team", "ticket": "OPS-7"}""");
        Assert.Equal(HttpStatusCode.OK, tags.StatusCode);
        HttpResponseMessage badTags = await SendAsync(HttpMethod.Put, $"/api/models/{model}/versions/{other}/tags", """{"owner": 7}""");
        Assert.Equal(HttpStatusCode.BadRequest, badTags.StatusCode);
        Assert.NotNull((await ReadAsync(badTags))["errors"]!["owner"]);

        JsonNode card = JsonNode.Parse(await host.Http.GetStringAsync($"/api/models/{model}/versions/{other}"))!;
        Assert.True(card["archived"]!.GetValue<bool>());
        Assert.Equal(Principal, card["registered"]!["archived"]!["by"]!.GetValue<string>());
        Assert.Equal("risk-team", card["registered"]!["tags"]!["owner"]!.GetValue<string>());
        Assert.Empty(card["aliases"]!.AsArray());
        JsonNode[] cardMoves = card["aliasHistory"]!.AsArray().Select(m => m!).ToArray();
        Assert.True(cardMoves.Length >= 4, card.ToJsonString());
        Assert.All(cardMoves, m => Assert.Contains(other, new[] { m["version"]!.GetValue<int>(), m["previousVersion"]?.GetValue<int>() ?? 0 }));
        Assert.NotNull(card["registered"]!["registration"]!["card"]!["importance"]!["tenure_months"]);
        Assert.NotNull(card["registered"]!["registration"]!["lineage"]!["dataSha256"]);
        Assert.EndsWith(".json", card["validationReport"]!["url"]!.GetValue<string>());
        Assert.True(await host.Storage.Blob(card["validationReport"]!["blob"]!.GetValue<string>()).ExistsAsync());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/api/models/{model}/versions/{other}/unarchive", "")).StatusCode);
        Assert.Equal(other, await ServedVersionAsync($"/api/models/{model}/versions/{other}/predict"));
    }

    [Theory]
    [InlineData("/aliases/nobody/predict", HttpStatusCode.NotFound)]
    [InlineData("/aliases/No_Such/predict", HttpStatusCode.BadRequest)]
    [InlineData("/versions/99/predict", HttpStatusCode.NotFound)]
    public async Task Predict_UnknownOrInvalidTarget_Is404Or400(string route, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await PostAsync($"/api/models/{UniqueNames.Model("none")}{route}", DemoRequests.Churner)).StatusCode);
    }

    [Fact]
    public async Task MoveAlias_MissingVersionOrReason_Is400NamingTheField()
    {
        string route = $"/api/models/{UniqueNames.Model("none")}/aliases/champion";

        Assert.NotNull((await ReadAsync(await PostAsync(route, """{"reason": "x"}""")))["errors"]!["version"]);
        Assert.NotNull((await ReadAsync(await PostAsync(route, """{"version": 1}""")))["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(route, """{"version": 1, "reason": "x"}""")).StatusCode);
    }

    [Fact]
    public async Task ChampionMove_UnderParallelPredictions_EveryAnswerIs200_AndAnswersFromTheNewVersionOnceTheMoveIsDone()
    {
        string model = await TrainTwoVersionsAsync();
        int before = await ServedVersionAsync($"/api/models/{model}/predict");
        int after = 3 - before;
        var answers = new ConcurrentBag<(long Start, long End, HttpStatusCode Status, int? Version)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        long movedAt = long.MaxValue;

        async Task PredictInALoopAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                long start = clock.ElapsedTicks;
                HttpResponseMessage response = await PostAsync($"/api/models/{model}/predict", DemoRequests.Churner);
                string body = await response.Content.ReadAsStringAsync();
                int? version = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(body)!["version"]!.GetValue<int>() : null;
                answers.Add((start, clock.ElapsedTicks, response.StatusCode, version));
            }
        }

        Task[] clients = Enumerable.Range(0, 4).Select(_ => Task.Run(PredictInALoopAsync)).ToArray();
        await WaitUntilAsync(() => answers.Count >= 20);
        long moveStart = clock.ElapsedTicks;
        HttpResponseMessage move = await PostAsync($"/api/models/{model}/aliases/champion", $$"""{"version": {{after}}, "reason": "switch under load"}""");
        Interlocked.Exchange(ref movedAt, clock.ElapsedTicks);
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        await WaitUntilAsync(() => answers.Count(a => a.Start > Interlocked.Read(ref movedAt)) >= 40);
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers.Where(a => a.End < moveStart), a => Assert.Equal(before, a.Version));
        Assert.All(answers.Where(a => a.Start > movedAt), a => Assert.Equal(after, a.Version));
        Assert.True(answers.Count(a => a.End < moveStart) >= 20);
    }

    /// <summary>A model with versions 1 and 2 (one candidate each, to train quickly); either may be the champion.</summary>
    async Task<string> TrainTwoVersionsAsync()
    {
        string model = UniqueNames.Model("alias");
        await UploadAsync($"{model}/model.json", """{"candidates": 1}""");
        await UploadAsync($"{model}/first.csv", new DemoDataset(500, 11).ToCsv());
        await host.Http.WaitForModelAsync(model, o => o["champion"]?["version"] is not null);
        await UploadAsync($"{model}/second.csv", new DemoDataset(500, 12).ToCsv());
        await host.Http.WaitForModelAsync(model, o => o["versions"]!.AsArray().Count == 2
            && o["recentRuns"]!.AsArray().All(r => r!["status"]!.GetValue<string>() is "Promoted" or "NotPromoted"));
        return model;
    }

    async Task<int> ServedVersionAsync(string route)
    {
        HttpResponseMessage response = await PostAsync(route, DemoRequests.Churner);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadAsync(response))["version"]!.GetValue<int>();
    }

    static async Task WaitUntilAsync(Func<bool> condition)
    {
        DateTime deadline = DateTime.UtcNow + ModelWaits.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(20);
        }
    }

    Task UploadAsync(string blobName, string content) =>
        host.TrainingData.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(content), overwrite: true);

    Task<HttpResponseMessage> PostAsync(string route, string json, string? principal = null) => SendAsync(HttpMethod.Post, route, json, principal);

    Task<HttpResponseMessage> SendAsync(HttpMethod method, string route, string json, string? principal = null)
    {
        var request = new HttpRequestMessage(method, route) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (principal is not null)
        {
            request.Headers.Add("x-ms-client-principal-name", principal);
        }

        return host.Http.SendAsync(request);
    }

    static async Task<JsonNode> ReadAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
