using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using DurableTask.AzureStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Training;
using MlopsServerless.LocalHost;
using MlopsServerless.LocalHost.Durable;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Benchmarks.Orchestration;

/// <summary>
/// The end-to-end path: a real Azurite and the local host in this process (as the end-to-end tests start them:
/// orchestrations on the Durable Task Azure Storage backend against Azurite, the blob watcher polling every 200 ms).
/// A run uploads the CSV to <c>training-data/{model}/data.csv</c> and polls <c>GET /api/models/{model}</c> every
/// <see cref="PollInterval"/> until the model has a champion; then it reads the run record for its step timings. The
/// run's end is the champion's own <c>promotedAt</c> (written by the promotion activity, on this process's clock), so
/// the poll interval neither adds to the measured time nor, being slow, competes much for the CPU.
/// </summary>
public sealed class LocalHostPath : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    readonly AzuriteInstance _azurite;
    readonly WebApplication _app;
    readonly LogTimeline _logs;

    LocalHostPath(AzuriteInstance azurite, WebApplication app, LogTimeline logs, HttpClient http)
    {
        _azurite = azurite;
        _app = app;
        _logs = logs;
        Http = http;
    }

    HttpClient Http { get; }

    /// <summary>The local host's own services (registry, storage, the prediction log buffer…).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Where the local host listens (<c>http://127.0.0.1:{port}/</c>).</summary>
    public Uri BaseAddress => Http.BaseAddress!;

    /// <summary>How many activities the local host's Durable worker and its Azure Storage backend run at once.</summary>
    public (int Worker, int Backend) ActivityConcurrency =>
        (_app.Services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName).Concurrency.MaximumConcurrentActivityWorkItems,
            new AzureStorageOrchestrationServiceSettings().MaxConcurrentTaskActivityWorkItems);

    /// <param name="verboseLogs">Debug level for the app, Durable Task and gRPC (the timeline keeps them).</param>
    /// <param name="settings">Settings that replace this path's own (e.g. the blob watcher's interval).</param>
    public static async Task<LocalHostPath> StartAsync(bool verboseLogs, IReadOnlyDictionary<string, string?>? settings = null)
    {
        AzuriteInstance azurite = await AzuriteInstance.StartAsync();
        WebApplication app = LocalHostBuilder.Build([], configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SettingKeys.StorageConnection] = azurite.ConnectionString,
            [SettingKeys.TaskHub] = "orchestrationbench",
            [DurableBackendOptions.BackendKey] = nameof(DurableBackend.AzureStorage),
            [LocalHostOptions.BlobPollMillisecondsKey] = "200",

            // The console stays quiet; the timeline keeps what it needs (the app's own entries and the backend's messages).
            ["Logging:Console:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogLevel:Microsoft.DurableTask"] = "Error", // "channel stopped receiving traffic" while a path waits
            ["Logging:LogLevel:Default"] = verboseLogs ? "Debug" : "Information",
            ["Logging:LogLevel:Microsoft"] = verboseLogs ? "Debug" : "Warning",
            ["Logging:LogLevel:Azure"] = "Warning",
            ["Logging:LogLevel:Grpc"] = verboseLogs ? "Debug" : "Warning",
            ["Logging:LogLevel:DurableTask"] = verboseLogs ? "Debug" : "Warning",
            ["Logging:LogLevel:DurableTask.AzureStorage"] = "Information",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
        var logs = new LogTimeline();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);

        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        return new LocalHostPath(azurite, app, logs, http);
    }

    public async Task<EndToEndRun> RunAsync(string model, string csvPath)
    {
        _logs.Take();
        var blob = _app.Services.GetRequiredService<StorageClients>().Blob(BlobPaths.TrainingData($"{model}/data.csv"));
        DateTime uploadStarted = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await using (FileStream file = File.OpenRead(csvPath))
        {
            await blob.UploadAsync(file, overwrite: true);
        }

        double uploadSeconds = watch.Elapsed.TotalSeconds;
        JsonNode overview = await WaitForChampionAsync(model);
        double seconds = watch.Elapsed.TotalSeconds;

        string runId = overview["champion"]!["version"] is not null
            ? overview["championVersion"]!["registration"]!["lineage"]!["runId"]!.GetValue<string>()
            : throw new InvalidOperationException("No champion version.");
        JsonNode run = JsonNode.Parse(await Http.GetStringAsync($"/api/models/{model}/runs/{runId}"))!;
        JsonNode registration = overview["championVersion"]!["registration"]!;
        return new EndToEndRun(
            model,
            runId,
            seconds,
            uploadSeconds,
            uploadStarted,
            uploadStarted + TimeSpan.FromSeconds(uploadSeconds),
            overview["champion"]!["promotedAt"]!.GetValue<DateTimeOffset>().UtcDateTime,
            run["progress"]!["steps"]!.AsArray().Select(s => new StepTime(s!["step"]!.GetValue<string>(),
                s["startedAt"]!.GetValue<DateTimeOffset>().UtcDateTime, s["endedAt"]?.GetValue<DateTimeOffset>().UtcDateTime)).ToList(),
            run["progress"]!["candidates"]!.AsArray().Select(c => new CandidateState(c!["id"]!.GetValue<string>(),
                c["configuration"]!.GetValue<string>(), c["state"]!.GetValue<string>(), c["trainingSeconds"]?.GetValue<double>())).ToList(),
            registration["chosen"]!["config"]!["id"]!.GetValue<string>(),
            registration["card"]!["testMetrics"]!["primaryValue"]!.GetValue<double>(),
            registration["lineage"]!["spec"]!.ToJsonString(),
            _logs.Take());
    }

    /// <summary>
    /// The run's Core steps called one after another in this process, with the local host's own services (same storage,
    /// same dataset cache), without Durable: the CSV is uploaded as a snapshot blob (which the blob watcher does not
    /// watch) and handed to validation as a retrain would be; the candidates are trained all at once, as the host's
    /// activities are; each step's input is the previous step's output object, not its JSON.
    /// </summary>
    public async Task<DirectRun> RunCoreStepsAsync(string model, string csvPath)
    {
        IServiceProvider services = _app.Services;
        CancellationToken none = CancellationToken.None;
        var clock = new PhaseClock();
        string upload = $"{StorageNames.Containers.Datasets}/{model}/upload.csv";
        await clock.TimeAsync("upload", async () =>
        {
            await using FileStream file = File.OpenRead(csvPath);
            return await services.GetRequiredService<StorageClients>().Blob(upload).UploadAsync(file, overwrite: true);
        });
        var request = new TrainingRequest(model, $"{model}/data.csv", $"{model}-direct", SnapshotBlob: upload);
        DatasetValidation validation = await clock.TimeAsync("ValidateTrainingData",
            () => services.GetRequiredService<DatasetIntake>().ValidateAsync(request, none));
        CandidateSearch.Plan plan = await clock.TimeAsync("PlanCandidates",
            () => services.GetRequiredService<CandidatePlanning>().PlanAsync(validation, none));
        CandidateTraining training = services.GetRequiredService<CandidateTraining>();
        CandidateResult[] trained = await clock.TimeAsync("TrainCandidate (all at once)",
            () => Task.WhenAll(plan.Candidates.Select(c => Task.Run(() => training.TrainAsync(new CandidateTask(validation, c), none)))));
        ModelRegistration chosen = await clock.TimeAsync("SelectCandidate",
            () => services.GetRequiredService<CandidateSelection>().SelectAsync(new SelectionRequest(validation, trained, []), none));
        ModelVersion version = await clock.TimeAsync("RegisterModelVersion",
            () => services.GetRequiredService<CandidateRegistration>().RegisterAsync(chosen, none));
        PromotionDecision decision = await clock.TimeAsync("PromoteIfBetter",
            () => services.GetRequiredService<ChampionPromotion>().PromoteIfBetterAsync(new PromotionRequest(version), none));
        return decision.Promoted
            ? new DirectRun(clock.TotalSeconds, clock.Phases, chosen.Chosen.Config.Id, chosen.Card.TestMetrics.PrimaryValue,
                trained.Select(t => new CandidateTime(t.Config.ToString(), t.TrainingSeconds)).ToList())
            : throw new InvalidOperationException($"The direct run of {model} was not promoted: {decision.Reason}");
    }

    /// <summary>What one <c>GET /api/models/{model}</c> costs (the poll of the end-to-end path): wall and CPU seconds, averaged over a few.</summary>
    public async Task<(double Wall, double Cpu)> MeasurePollAsync(string model, int times = 5)
    {
        CpuTime before = CpuTime.Now();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < times; i++)
        {
            await Http.GetStringAsync($"/api/models/{model}");
        }

        CpuTime used = CpuTime.Now() - before;
        return (watch.Elapsed.TotalSeconds / times, (used.Process + used.Children) / times);
    }

    /// <summary>The container/name path of the dataset snapshot a model's v1 was trained on.</summary>
    public async Task<string> DatasetBlobAsync(string model) =>
        ((await _app.Services.GetRequiredService<ModelRegistry>().GetVersionAsync(model, 1, CancellationToken.None))
            ?? throw new InvalidOperationException($"{model} has no v1.")).DatasetBlob;

    /// <summary>What a step pays to read a run's dataset snapshot when the <see cref="DatasetStore"/> does not hold it.</summary>
    public async Task<double> MeasureDatasetReadAsync(string model)
    {
        ModelVersion version = await _app.Services.GetRequiredService<ModelRegistry>().GetVersionAsync(model, 1, CancellationToken.None)
            ?? throw new InvalidOperationException($"{model} has no v1.");
        var fresh = new DatasetStore(_app.Services.GetRequiredService<StorageClients>());
        var watch = Stopwatch.StartNew();
        await fresh.LoadAsync(version.DatasetBlob, version.Spec, CancellationToken.None);
        return watch.Elapsed.TotalSeconds;
    }

    async Task<JsonNode> WaitForChampionAsync(string model)
    {
        DateTime deadline = DateTime.UtcNow + Patience;
        JsonNode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            HttpResponseMessage response = await Http.GetAsync($"/api/models/{model}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (last["champion"] is JsonObject)
                {
                    return last;
                }

                if (last["recentRuns"]?.AsArray().FirstOrDefault()?["status"]?.GetValue<string>() is "Rejected" or "Failed" or "Duplicate")
                {
                    throw new InvalidOperationException($"The run of {model} ended without a champion: {last["recentRuns"]![0]!.ToJsonString()}");
                }
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"{model} had no champion after {Patience}; last seen: {last?.ToJsonString()}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

/// <summary>
/// One end-to-end run: wall time from the upload's start until the champion was written (<see cref="Seconds"/>) and
/// until a poll saw it (<see cref="ObservedSeconds"/>), and what the run recorded.
/// </summary>
public sealed record EndToEndRun(
    string Model,
    string RunId,
    double ObservedSeconds,
    double UploadSeconds,
    DateTime UploadStarted,
    DateTime UploadEnded,
    DateTime PromotedAt,
    IReadOnlyList<StepTime> Steps,
    IReadOnlyList<CandidateState> Candidates,
    string ChosenId,
    double TestMetric,
    string SpecJson,
    IReadOnlyList<LogEntry> Logs)
{
    public double Seconds => (PromotedAt - UploadStarted).TotalSeconds;
}

/// <summary>The Core steps called directly: wall time, each step's, the winner and its test metric, each candidate's training time.</summary>
public sealed record DirectRun(double Seconds, IReadOnlyList<TimedPhase> Phases, string ChosenId, double TestMetric, IReadOnlyList<CandidateTime> Candidates);

public sealed record StepTime(string Step, DateTime StartedAt, DateTime? EndedAt)
{
    public double? Seconds => EndedAt is { } end ? (end - StartedAt).TotalSeconds : null;
}

public sealed record CandidateState(string Id, string Configuration, string State, double? TrainingSeconds);
