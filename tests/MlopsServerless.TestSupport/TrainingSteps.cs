using MlopsServerless.Configuration;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Training;

namespace MlopsServerless.TestSupport;

/// <summary>The training orchestration's activities called in its order, in process: for Core tests that need a registered version.</summary>
public static class TrainingSteps
{
    /// <summary>Plans, trains every candidate, selects and registers; the version is not yet considered for promotion.</summary>
    public static async Task<ModelVersion> TrainAndRegisterAsync(this CoreTestHost host, DatasetValidation validation)
    {
        CandidateSearch.Plan plan = await host.Get<CandidatePlanning>().PlanAsync(validation, default);
        CandidateResult[] trained = await Task.WhenAll(plan.Candidates.Select(c =>
            host.Get<CandidateTraining>().TrainAsync(new CandidateTask(validation, c), default)));
        ModelRegistration chosen = await host.Get<CandidateSelection>().SelectAsync(new SelectionRequest(validation, trained, []), default);
        return await host.Get<CandidateRegistration>().RegisterAsync(chosen, default);
    }

    public static async Task<PromotionDecision> TrainRegisterAndPromoteAsync(this CoreTestHost host, DatasetValidation validation) =>
        await host.Get<ChampionPromotion>().PromoteIfBetterAsync(await host.TrainAndRegisterAsync(validation), default);

    /// <summary>Uploads a CSV to training-data/{model}/{file} and runs the validation step on it.</summary>
    public static async Task<DatasetValidation> UploadAndValidateAsync(this CoreTestHost host, string model, string file, string csv)
    {
        string blobName = $"{model}/{file}";
        var blob = host.Get<StorageClients>().Container(StorageNames.Containers.TrainingData).GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(csv), overwrite: true);
        TrainingRequest request = (await host.Get<TrainingUploads>().ToTrainingRequestAsync(blob, blobName, default))!;
        return await host.Get<DatasetIntake>().ValidateAsync(request, default);
    }

    /// <summary>A new model whose first version, trained on <paramref name="data"/>, is its champion.</summary>
    public static async Task<string> TrainChampionAsync(this CoreTestHost host, DemoDataset data)
    {
        string model = UniqueNames.Model();
        PromotionDecision decision = await host.TrainRegisterAndPromoteAsync(await host.UploadAndValidateAsync(model, "data.csv", data.ToCsv()));
        return decision.Promoted ? model : throw new InvalidOperationException($"{model} v{decision.Version} was not promoted: {decision.Reason}");
    }
}
