using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
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
}
