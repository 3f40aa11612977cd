using Azure.Storage.Blobs;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Datasets;

/// <summary>Each corpus file through the real pipeline steps against Azurite, to the outcome <see cref="CorpusCases"/> expects.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CorpusPipelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    CoreTestHost _host = null!;

    public static TheoryData<string> Files => new(CorpusCases.All.Select(c => c.File));

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync(azurite.ConnectionString);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Corpus_EveryFile_HasOneExpectedOutcome()
    {
        string[] files = Directory.GetFiles(CorpusFiles.Directory, "*.csv").Select(Path.GetFileName).Order().ToArray()!;
        string[] specs = Directory.GetFiles(CorpusFiles.Directory, "*.model.json").Select(Path.GetFileName).ToArray()!;

        Assert.Equal(files, CorpusCases.All.Select(c => c.File).Order());
        Assert.True(files.Length >= 15);
        Assert.All(specs, spec => Assert.Contains(spec.Replace(".model.json", ".csv"), files));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task AllSteps_CorpusFile_TrainsWithTheExpectedKindsOrIsRejectedWhereExpected(string file)
    {
        CorpusCase expected = CorpusCases.Of(file);
        string model = UniqueNames.Model("corpus");
        if (expected.SpecFile is { } spec)
        {
            await UploadAsync($"{model}/{TrainingDataPath.SpecFileName}", spec);
        }

        TrainingRequest request = (await _host.Get<TrainingUploads>().ToTrainingRequestAsync(
            await UploadAsync($"{model}/{file}", file), $"{model}/{file}", default))!;

        DatasetValidation validation = await _host.Get<DatasetIntake>().ValidateAsync(request, default);

        ValidationResult result = (await JsonBlobs.ReadOrDefaultAsync<ValidationReport>(Blob(validation.ReportBlob), default))!.Result;
        if (expected.Error is { } error)
        {
            await AssertRejectedAsync(model, request, validation, result, error);
        }
        else
        {
            await AssertTrainedAsync(model, validation, result, expected);
        }
    }

    async Task AssertTrainedAsync(string model, DatasetValidation validation, ValidationResult result, CorpusCase expected)
    {
        Assert.True(validation.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Column} row {e.Row}: {e.Message}")));
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Kind, c.Role)), result.Columns.Select(c => (c.Name, c.Kind, c.Role)));
        Assert.All(expected.Columns.Where(c => c.Missing is not null),
            c => Assert.Equal(c.Missing, result.Columns.Single(r => r.Name == c.Name).Missing));
        Assert.Equal(expected.Dialect ?? result.Dialect, result.Dialect);
        Assert.Equal(expected.LabelledRows ?? result.LabelledRowCount, result.LabelledRowCount);

        PromotionDecision decision = await _host.TrainRegisterAndPromoteAsync(validation);

        ModelVersion version = Assert.Single(await _host.Get<ModelRegistry>().ListVersionsAsync(model, default));
        Assert.Equal(expected.Label.Name, version.Spec.LabelColumn);
        Assert.Equal(expected.Task, version.Spec.Task);
        Assert.Equal(expected.Features, version.Spec.Features);
        Assert.True(decision.Promoted, decision.Reason);
        Assert.True(double.IsFinite(version.Metrics.PrimaryValue));
    }

    async Task AssertRejectedAsync(string model, TrainingRequest request, DatasetValidation validation, ValidationResult result,
        ExpectedError error)
    {
        Assert.False(validation.IsValid);
        ValidationIssue first = result.Errors[0];
        Assert.Equal((error.Column, error.Row), (first.Column, first.Row));
        Assert.All(error.MessageFragments, fragment => Assert.Contains(fragment, first.Message));
        Assert.True(await Blob(validation.QuarantineBlob!).ExistsAsync());
        Assert.Equal(TrainingRunStatus.Rejected, (await _host.Get<TrainingRunStore>().GetAsync(model, request.RunId, default))!.Status);
        Assert.Empty(await _host.Get<ModelRegistry>().ListVersionsAsync(model, default));
    }

    async Task<BlobClient> UploadAsync(string blobName, string corpusFile)
    {
        BlobClient blob = _host.Get<StorageClients>().Container(StorageNames.Containers.TrainingData).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(CorpusFiles.PathOf(corpusFile))), overwrite: true);
        return blob;
    }

    BlobClient Blob(string path) => _host.Get<StorageClients>().Blob(path);
}
