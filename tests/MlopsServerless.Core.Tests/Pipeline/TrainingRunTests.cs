using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Training;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Pipeline;

/// <summary>
/// Whole runs through the real steps against Azurite: what a run trains and chooses, that it chooses the same twice, and
/// what the promotion gate refuses (a worse challenger, a challenger with a failing segment, an artifact that does not load).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrainingRunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Run_DemoData_TrainsThreeFamiliesOrMore_AndRegistersTheBestOnValidation()
    {
        string model = UniqueNames.Model();
        await WriteSpecAsync(model, """{"candidates": 4}""");

        ModelVersion version = await TrainAndRegisterAsync(model, "data.csv", new DemoDataset(600, 7).ToCsv());

        IReadOnlyList<CandidateSummary> candidates = version.Registration.Card.Candidates;
        Assert.Equal(4, candidates.Count);
        Assert.All(candidates, c => Assert.NotNull(c.ValidationMetric));
        Assert.True(candidates.Select(c => c.Trainer).Distinct().Count() >= 3, string.Join(", ", candidates.Select(c => c.Trainer)));
        CandidateSummary chosen = Assert.Single(candidates, c => c.Chosen);
        Assert.Equal(version.Registration.Chosen.Config.Id, chosen.Id);
        Assert.DoesNotContain(candidates, c => c.ValidationMetric > chosen.ValidationMetric);
        Assert.DoesNotContain(candidates, c => c.ValidationMetric == chosen.ValidationMetric && string.CompareOrdinal(c.Id, chosen.Id) < 0);
        Assert.Equal("auc", version.Metrics.PrimaryMetric);
    }

    [Fact]
    public async Task Select_OneCandidateFailed_ChoosesAmongTheOthers_AndTheCardListsTheFailure()
    {
        string model = UniqueNames.Model();
        await WriteSpecAsync(model, """{"candidates": 3}""");
        DatasetValidation validation = await ValidateAsync(model, "data.csv", new DemoDataset(400, 12).ToCsv());
        CandidateSearch.Plan plan = await _host.Get<CandidatePlanning>().PlanAsync(validation, default);
        CandidateConfig failing = plan.Candidates[0];
        CandidateResult[] trained = await Task.WhenAll(plan.Candidates.Skip(1).Select(c =>
            _host.Get<CandidateTraining>().TrainAsync(new CandidateTask(validation, c), default)));

        ModelRegistration registration = await _host.Get<CandidateSelection>().SelectAsync(new SelectionRequest(validation, trained,
            [new CandidateProgress(failing.Id, failing.ToString(), CandidateProgress.Failed, Reason: "out of memory")]), default);
        ModelVersion version = await _host.Get<CandidateRegistration>().RegisterAsync(registration, default);

        Assert.NotEqual(failing.Id, version.Registration.Chosen.Config.Id);
        CandidateSummary failed = Assert.Single(version.Registration.Card.Candidates, c => c.Id == failing.Id);
        Assert.Equal((null, false, "Failed: out of memory"), (failed.ValidationMetric, failed.Chosen, failed.Failure));
        Assert.Equal(TrainingRunStatus.Registered, (await RunAsync(model, validation.Request.RunId)).Status);
    }

    [Fact]
    public async Task Run_IdenticalInputTwice_ChoosesTheSameCandidateWithIdenticalMetrics()
    {
        string csv = new DemoDataset(500, 8).ToCsv();
        var versions = new List<ModelVersion>();
        foreach (string model in new[] { UniqueNames.Model(), UniqueNames.Model() })
        {
            await WriteSpecAsync(model, """{"candidates": 3}""");
            versions.Add(await TrainAndRegisterAsync(model, "data.csv", csv));
        }

        (ModelVersion first, ModelVersion second) = (versions[0], versions[1]);
        Assert.Equal(first.DataSha256, second.DataSha256);
        Assert.Equal(first.Registration.Chosen.Config, second.Registration.Chosen.Config);
        Assert.Equal(first.Registration.Chosen.ValidationMetrics.Values, second.Registration.Chosen.ValidationMetrics.Values);
        Assert.Equal(first.Metrics.Values, second.Metrics.Values);
        Assert.Equal(first.Registration.Card.Candidates.Select(c => (c.Id, c.ValidationMetric)),
            second.Registration.Card.Candidates.Select(c => (c.Id, c.ValidationMetric)));
        Assert.Equal(first.Registration.Card.Importance, second.Registration.Card.Importance);
        Assert.Equal(first.Registration.Card.Conformal, second.Registration.Card.Conformal);
    }

    [Fact]
    public async Task PromoteIfBetterAsync_RunsProgress_StoresThePromotionStepEndedWhenTheDecisionWasMade()
    {
        ModelVersion version = await _host.TrainAndRegisterAsync(
            await _host.UploadAndValidateAsync(UniqueNames.Model(), "data.csv", new DemoDataset(400, Seed: 5).ToCsv()));
        DateTime promotionStarted = _host.Time.GetUtcNow().UtcDateTime;
        var progress = RunProgress.Start(version.Registration.Lineage.RunId, "RegisterModelVersion", promotionStarted.AddSeconds(-1))
            .Next("PromoteIfBetter", promotionStarted);
        _host.Time.Advance(TimeSpan.FromSeconds(3));

        await _host.Get<ChampionPromotion>().PromoteIfBetterAsync(new PromotionRequest(version, progress), default);

        TrainingRun run = (await _host.Get<TrainingRunStore>().GetAsync(version.Model, version.Registration.Lineage.RunId, default))!;
        StepTiming promotion = Assert.Single(run.Progress!.Steps, s => s.Step == "PromoteIfBetter");
        Assert.Equal(3, promotion.Seconds);
        Assert.True(run.Progress.Decision!.Promoted);
    }

    [Fact]
    public async Task Promote_ChallengerWorseThanTheChampion_IsRegisteredButNotPromoted()
    {
        string model = UniqueNames.Model();
        await WriteSpecAsync(model, """{"candidates": 2}""");
        PromotionDecision champion = await RunAllStepsAsync(model, "large.csv", new DemoDataset(2000, 3).ToCsv());

        PromotionDecision challenger = await RunAllStepsAsync(model, "small.csv", new DemoDataset(60, 5).ToCsv());

        Assert.True(champion.Promoted, champion.Reason);
        Assert.Equal((2, false, 1), (challenger.Version, challenger.Promoted, challenger.ChampionVersion));
        Assert.True(challenger.ChampionMetrics!.Beats(challenger.CandidateMetrics), challenger.Reason);
        Assert.Contains("does not beat the champion's", challenger.Reason);
        Assert.NotNull(await _host.Get<ModelRegistry>().GetVersionAsync(model, 2, default));
        Assert.Equal(1, (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!.Version);
        TrainingRun run = Assert.Single(await _host.Get<TrainingRunStore>().ListAsync(model, default), r => r.Version == 2);
        Assert.Equal((TrainingRunStatus.NotPromoted, challenger.Reason), (run.Status, run.Message));
    }

    [Fact]
    public async Task Promote_ChallengerWhoseSegmentFallsBelowTheFloor_IsRefusedNamingTheSegment()
    {
        string model = UniqueNames.Model();
        await WriteSpecAsync(model, """{"candidates": 2, "segmentColumns": ["contract"], "segmentFloor": 0.7}""");
        PromotionDecision champion = await RunAllStepsAsync(model, "small.csv", new DemoDataset(60, 2).ToCsv());

        PromotionDecision challenger = await RunAllStepsAsync(model, "noisy-two-year.csv",
            WithRandomLabels(new DemoDataset(1500, 9), "contract", "two-year"));

        Assert.True(champion.Promoted, champion.Reason);
        Assert.Equal((2, false), (challenger.Version, challenger.Promoted));
        Assert.True(challenger.CandidateMetrics.Beats(challenger.ChampionMetrics!), $"the challenger should win overall: {challenger.Reason}");
        Assert.StartsWith("segment contract=two-year: auc", challenger.Reason);
        Assert.Contains("below the floor 0.7", challenger.Reason);
        SegmentComparison noisy = Assert.Single(challenger.Segments!, s => s.Segment == "contract=two-year");
        Assert.True(noisy.Challenger < 0.7);
        Assert.All(challenger.Segments!.Where(s => s != noisy), s => Assert.True(s.Challenger >= 0.7, s.ToString()));
        Assert.Equal(1, (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!.Version);
    }

    [Fact]
    public async Task Promote_ArtifactCorruptedAfterRegistration_FailsTheSmokeTestAndLeavesTheChampion()
    {
        string model = UniqueNames.Model();
        await WriteSpecAsync(model, """{"candidates": 1}""");
        PromotionDecision champion = await RunAllStepsAsync(model, "first.csv", new DemoDataset(200, 10).ToCsv());
        ModelVersion corrupt = await TrainAndRegisterAsync(model, "second.csv", new DemoDataset(1000, 11).ToCsv());
        await _host.Get<StorageClients>().Blob(corrupt.ArtifactBlob).UploadAsync(BinaryData.FromString("PK\u0003\u0004 not really a zip"), overwrite: true);

        PromotionDecision decision = await _host.Get<ChampionPromotion>().PromoteIfBetterAsync(corrupt, default);

        Assert.True(champion.Promoted, champion.Reason);
        Assert.Equal((2, false, false), (decision.Version, decision.Promoted, decision.SmokeTestPassed));
        Assert.StartsWith("smoke test failed", decision.Reason);
        Assert.Contains(corrupt.ArtifactBlob, decision.Reason);
        Assert.Equal(1, (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!.Version);
        Assert.Equal(TrainingRunStatus.NotPromoted, (await RunAsync(model, corrupt.RunId)).Status);
    }

    /// <summary>The demo data with the label of every row whose <paramref name="column"/> is <paramref name="value"/> drawn at random: a segment with nothing to learn.</summary>
    static string WithRandomLabels(DemoDataset data, string column, string value)
    {
        var random = new Random(data.Seed);
        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows = data.FileRows();
        var csv = new StringBuilder().AppendLine(string.Join(',', rows[0].Keys));
        foreach (IReadOnlyDictionary<string, object?> row in rows)
        {
            bool noise = Equals(row[column], value);
            csv.AppendLine(string.Join(',', row.Select(cell => cell.Key == data.LabelName && noise ? random.Next(2) : cell.Value)
                .Select(cell => Convert.ToString(cell, CultureInfo.InvariantCulture))));
        }

        return csv.ToString();
    }

    async Task<PromotionDecision> RunAllStepsAsync(string model, string file, string csv) =>
        await _host.Get<ChampionPromotion>().PromoteIfBetterAsync(await TrainAndRegisterAsync(model, file, csv), default);

    async Task<ModelVersion> TrainAndRegisterAsync(string model, string file, string csv) =>
        await _host.TrainAndRegisterAsync(await ValidateAsync(model, file, csv));

    async Task<DatasetValidation> ValidateAsync(string model, string file, string csv)
    {
        string blobName = $"{model}/{file}";
        BlobClient blob = TrainingData.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(csv), overwrite: true);
        TrainingRequest request = (await _host.Get<TrainingUploads>().ToTrainingRequestAsync(blob, blobName, default))!;
        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(request, default);
        Assert.True(validation.IsValid, validation.ReportBlob);
        return validation;
    }

    Task WriteSpecAsync(string model, string json) =>
        TrainingData.GetBlobClient(TrainingDataPath.SpecBlobName(model)).UploadAsync(BinaryData.FromString(json), overwrite: true);

    async Task<TrainingRun> RunAsync(string model, string runId) => (await _host.Get<TrainingRunStore>().GetAsync(model, runId, default))!;

    BlobContainerClient TrainingData => _host.Get<StorageClients>().Container(StorageNames.Containers.TrainingData);
}
