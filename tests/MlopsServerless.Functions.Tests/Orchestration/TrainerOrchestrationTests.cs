using Microsoft.DurableTask.Client;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Functions.Training;

namespace MlopsServerless.Functions.Tests.Orchestration;

/// <summary>
/// The model's long-lived trainer (<see cref="TrainingWorkflow.TrainModel"/>) fed through <see cref="TrainingWorkflow.SubmitAsync"/>:
/// requests run one after another, and a failed run does not stop the next.
/// </summary>
public sealed class TrainerOrchestrationTests : IAsyncLifetime
{
    readonly FakeTrainingActivities _activities = new();
    OrchestrationTestHost _host = null!;

    public async Task InitializeAsync() => _host = await OrchestrationTestHost.StartAsync(_activities);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TrainModel_TwoRequestsBackToBack_RunsThemOneAfterAnother()
    {
        _activities.Promote = async request =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            return Canned.Decision(request.Version, promoted: true, "better");
        };
        TrainingRequest first = Canned.Request("churn", "run-1");
        TrainingRequest second = Canned.Request("churn", "run-2");

        await TrainingWorkflow.SubmitAsync(_host.Client, first, default);
        await TrainingWorkflow.SubmitAsync(_host.Client, second, default);
        ActivityCall secondPromoted = await _activities.WaitForCallAsync(nameof(TrainingWorkflow.PromoteIfBetter), IsRun(second));

        Assert.Equal([first, second], _activities.InputsOf<TrainingRequest>(nameof(TrainingWorkflow.ValidateTrainingData)));
        ActivityCall firstPromoted = _activities.CallsOf(nameof(TrainingWorkflow.PromoteIfBetter)).Single(IsRun(first));
        ActivityCall secondValidated = _activities.CallsOf(nameof(TrainingWorkflow.ValidateTrainingData)).Single(c => c.InputAs<TrainingRequest>() == second);
        Assert.True(secondValidated.StartedAt >= firstPromoted.EndedAt,
            $"run-2 started validating at {secondValidated.StartedAt:O}, before run-1's promotion ended at {firstPromoted.EndedAt:O}");
        Assert.Equal([1, 2], _activities.InputsOf<PromotionRequest>(nameof(TrainingWorkflow.PromoteIfBetter)).Select(p => p.Version.Version));
        Assert.NotNull(secondPromoted.EndedAt);
        await AssertTrainerStillWaitsAsync("churn");
    }

    [Fact]
    public async Task TrainModel_RunFails_RecordsItAndGoesOnToTheNextRequest()
    {
        TrainingRequest failing = Canned.Request("churn", "run-1");
        TrainingRequest next = Canned.Request("churn", "run-2");
        _activities.Select = request => request.Validation.Request == failing
            ? throw new InvalidOperationException("dataset snapshot is gone")
            : Canned.Registration(request);

        await TrainingWorkflow.SubmitAsync(_host.Client, failing, default);
        await TrainingWorkflow.SubmitAsync(_host.Client, next, default);
        await _activities.WaitForCallAsync(nameof(TrainingWorkflow.PromoteIfBetter), IsRun(next));

        TrainingFailure failure = Assert.Single(_activities.InputsOf<TrainingFailure>(nameof(TrainingWorkflow.RecordTrainingFailure)));
        Assert.Equal(failing, failure.Request);
        Assert.Equal("SelectCandidate failed: dataset snapshot is gone", failure.Message);
        ModelRegistration registered = Assert.Single(_activities.InputsOf<ModelRegistration>(nameof(TrainingWorkflow.RegisterModelVersion)));
        Assert.Equal(next.RunId, registered.Lineage.RunId);
        await AssertTrainerStillWaitsAsync("churn");
    }

    static Func<ActivityCall, bool> IsRun(TrainingRequest request) => call => call.InputAs<PromotionRequest>().Version.RunId == request.RunId;

    async Task AssertTrainerStillWaitsAsync(string model)
    {
        OrchestrationMetadata? trainer = await _host.Client.GetInstanceAsync(TrainingWorkflow.TrainerInstanceId(model));
        Assert.False(trainer!.IsCompleted, $"the trainer is {trainer.RuntimeStatus}");
    }
}
