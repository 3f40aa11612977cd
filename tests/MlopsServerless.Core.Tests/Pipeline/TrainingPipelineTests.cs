using System.Text;
using Azure.Storage.Blobs;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Pipeline;

/// <summary>The training steps in the order the orchestration runs them, against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TrainingPipelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ValidateAsync_MalformedCsv_StoresReportQuarantinesAndKeepsTheUpload()
    {
        string model = UniqueNames.Model();
        TrainingRequest request = await UploadAsync(model, "bad.csv", "x1,x2,label\n1,2,0\n3,\"4,1\n");

        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(request, default);

        Assert.False(validation.IsValid);
        ValidationReport report = (await JsonBlobs.ReadOrDefaultAsync<ValidationReport>(Blob(validation.ReportBlob), default))!;
        Assert.Contains("closing quote", report.Result.Errors[0].Message);
        Assert.True(await Blob(validation.QuarantineBlob!).ExistsAsync());
        Assert.True(await Blob(BlobPaths.TrainingData(request.SourceBlob)).ExistsAsync());
        TrainingRun run = (await _host.Get<TrainingRunStore>().GetAsync(model, request.RunId, default))!;
        Assert.Equal(TrainingRunStatus.Rejected, run.Status);
        Assert.Empty(await _host.Get<ModelRegistry>().ListVersionsAsync(model, default));
    }

    [Fact]
    public async Task ValidateAsync_UploadOverTheSizeLimit_IsRejectedUnreadAndKept()
    {
        await using CoreTestHost small = await CoreTestHost.StartAsync(azurite.ConnectionString,
            new Dictionary<string, string?> { [SettingKeys.TrainingMaxUploadMegabytes] = "1" });
        string model = UniqueNames.Model();
        string csv = new DemoDataset(60_000, 1).ToCsv();
        Assert.True(csv.Length > 1024 * 1024);
        TrainingRequest request = await UploadAsync(model, "huge.csv", csv);

        DatasetValidation validation = await small.Get<DatasetIntake>().ValidateAsync(request, default);

        Assert.False(validation.IsValid);
        ValidationReport report = (await JsonBlobs.ReadOrDefaultAsync<ValidationReport>(Blob(validation.ReportBlob), default))!;
        Assert.Contains("at most 1 MB", Assert.Single(report.Result.Errors).Message);
        Assert.True(await Blob(BlobPaths.TrainingData(request.SourceBlob)).ExistsAsync());
        Assert.Equal(TrainingRunStatus.Rejected, (await small.Get<TrainingRunStore>().GetAsync(model, request.RunId, default))!.Status);
    }

    [Fact]
    public async Task ValidateAsync_InvalidModelJson_RejectsWithSpecError()
    {
        string model = UniqueNames.Model();
        await UploadAsync(model, "model.json", "{ not json");
        TrainingRequest request = await UploadAsync(model, "data.csv", new DemoDataset(100, 1).ToCsv());

        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(request, default);

        Assert.False(validation.IsValid);
        ValidationReport report = (await JsonBlobs.ReadOrDefaultAsync<ValidationReport>(Blob(validation.ReportBlob), default))!;
        Assert.Contains("model.json is not a valid model spec", report.Result.Errors[0].Message);
    }

    [Fact]
    public async Task AllSteps_SameDataTrainedTwice_RegistersTwoVersionsAndDoesNotPromoteTheTie()
    {
        string model = UniqueNames.Model();

        PromotionDecision first = await RunAllStepsAsync(model, "v1.csv", new DemoDataset(600, 1).ToCsv());
        PromotionDecision same = await RunAllStepsAsync(model, "v2.csv", new DemoDataset(600, 1).ToCsv());

        Assert.True(first.Promoted);
        Assert.Equal(1, first.Version);
        Assert.Contains("no champion", first.Reason);
        Assert.Equal(2, same.Version);
        Assert.False(same.Promoted);
        Assert.Equal(1, same.ChampionVersion);
        Assert.Equal(same.CandidateMetrics.PrimaryValue, same.ChampionMetrics!.PrimaryValue, 9);
        Assert.Equal(1, (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!.Version);
    }

    [Fact]
    public async Task ValidateAsync_SameBytesUploadedAgain_IsADuplicateOfTheRegisteredVersion()
    {
        string model = UniqueNames.Model();
        string csv = new DemoDataset(300, 6).ToCsv();
        await RunAllStepsAsync(model, "monday.csv", csv);
        TrainingRequest again = await UploadAsync(model, "tuesday.csv", csv);

        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(again, default);

        Assert.True(validation.IsValid);
        Assert.Equal(1, validation.DuplicateOfVersion);
        TrainingRun run = (await _host.Get<TrainingRunStore>().GetAsync(model, again.RunId, default))!;
        Assert.Equal((TrainingRunStatus.Duplicate, 1), (run.Status, run.Version));
    }

    [Fact]
    public async Task ValidateAsync_SameBytesWithAnotherSpec_IsNotADuplicate()
    {
        string model = UniqueNames.Model();
        string csv = new DemoDataset(300, 6).ToCsv();
        await RunAllStepsAsync(model, "all-features.csv", csv);
        await UploadAsync(model, "model.json", """{"featureColumns": ["tenure_months", "support_calls"]}""");
        TrainingRequest narrower = await UploadAsync(model, "two-features.csv", csv);

        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(narrower, default);

        Assert.Null(validation.DuplicateOfVersion);
    }

    [Fact]
    public async Task AllSteps_ChampionTrainedOnLittleData_IsReplacedByABetterCandidate()
    {
        string model = UniqueNames.Model();

        await RunAllStepsAsync(model, "small.csv", new DemoDataset(40, 2).ToCsv());
        PromotionDecision better = await RunAllStepsAsync(model, "large.csv", new DemoDataset(2000, 3).ToCsv());

        Assert.True(better.Promoted, better.Reason);
        Assert.True(better.CandidateMetrics.Beats(better.ChampionMetrics!));
        Champion champion = (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!;
        Assert.Equal((2, 1), (champion.Version, champion.PreviousVersion));
    }

    [Fact]
    public async Task RollbackAsync_OperatorRollsBackAPromotion_ServesTheOlderVersionAndKeepsTheReason()
    {
        string model = UniqueNames.Model();
        await RunAllStepsAsync(model, "small.csv", new DemoDataset(40, 2).ToCsv());
        await RunAllStepsAsync(model, "large.csv", new DemoDataset(2000, 3).ToCsv());
        var aliases = _host.Get<ModelAliases>();

        var rolledBack = Assert.IsType<RegistryChange<ModelAlias>.Applied>(
            await aliases.RollbackAsync(model, AliasName.Champion, "ops@example.com", "incident 42", default)).Value;
        var unknown = await aliases.MoveAsync(model, AliasName.Champion, 9, "ops@example.com", "typo", default);

        Assert.Equal((1, 2), (rolledBack.Version, rolledBack.Move.PreviousVersion));
        Assert.Contains("incident 42", rolledBack.Move.Reason);
        Assert.IsType<RegistryChange<ModelAlias>.NotFound>(unknown);
        Champion champion = (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!;
        Assert.Equal((1, 2), (champion.Version, champion.PreviousVersion));
    }

    [Fact]
    public async Task PromoteIfBetterAsync_TwoCandidatesConcurrently_LeaveExactlyTheBetterOneAsChampion()
    {
        string model = UniqueNames.Model();
        string csv = new DemoDataset(800, 4).ToCsv();
        await UploadAsync(model, "model.json", """{"featureColumns": ["usage_hours"]}""");
        ModelVersion weak = await TrainAndRegisterAsync(model, "weak.csv", csv);
        await UploadAsync(model, "model.json", "{}");
        ModelVersion strong = await TrainAndRegisterAsync(model, "strong.csv", csv);
        var promotion = _host.Get<ChampionPromotion>();

        PromotionDecision[] decisions = await Task.WhenAll(
            promotion.PromoteIfBetterAsync(weak, default), promotion.PromoteIfBetterAsync(strong, default));

        Assert.True(strong.Metrics.Beats(weak.Metrics));
        Assert.Equal(strong.Version, (await _host.Get<ModelRegistry>().GetChampionAsync(model, default))!.Version);
        Assert.True(decisions[1].Promoted, decisions[1].Reason);
    }

    async Task<PromotionDecision> RunAllStepsAsync(string model, string file, string csv) =>
        await _host.Get<ChampionPromotion>().PromoteIfBetterAsync(await TrainAndRegisterAsync(model, file, csv), default);

    async Task<ModelVersion> TrainAndRegisterAsync(string model, string file, string csv)
    {
        TrainingRequest request = await UploadAsync(model, file, csv);
        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(request, default);
        Assert.True(validation.IsValid);
        return await _host.TrainAndRegisterAsync(validation);
    }

    async Task<TrainingRequest> UploadAsync(string model, string file, string content)
    {
        string blobName = $"{model}/{file}";
        BlobClient blob = _host.Get<StorageClients>().Container(StorageNames.Containers.TrainingData).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(content)), overwrite: true);
        return (await _host.Get<TrainingUploads>().ToTrainingRequestAsync(blob, blobName, default))
            ?? new TrainingRequest(model, blobName, $"{model}-spec");
    }

    BlobClient Blob(string path) => _host.Get<StorageClients>().Blob(path);
}
