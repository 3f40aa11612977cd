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

    /// <summary>A new model (with <paramref name="modelJson"/> as its model.json) whose first version, trained on <paramref name="data"/>, is its champion.</summary>
    public static Task<string> TrainChampionAsync(this CoreTestHost host, DemoDataset data, string? modelJson = null) =>
        host.TrainChampionAsync(data.ToCsv(), modelJson);

    /// <summary>A new model (with <paramref name="modelJson"/> as its model.json) whose first version, trained on <paramref name="csv"/>, is its champion.</summary>
    public static async Task<string> TrainChampionAsync(this CoreTestHost host, string csv, string? modelJson = null)
    {
        string model = UniqueNames.Model();
        if (modelJson is not null)
        {
            await host.Get<StorageClients>().Container(StorageNames.Containers.TrainingData).GetBlobClient($"{model}/model.json")
                .UploadAsync(BinaryData.FromString(modelJson), overwrite: true);
        }

        PromotionDecision decision = await host.TrainRegisterAndPromoteAsync(await host.UploadAndValidateAsync(model, "data.csv", csv));
        return decision.Promoted ? model : throw new InvalidOperationException($"{model} v{decision.Version} was not promoted: {decision.Reason}");
    }
}
