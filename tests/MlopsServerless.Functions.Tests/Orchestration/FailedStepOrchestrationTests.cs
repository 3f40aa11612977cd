using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Functions.Training;

namespace MlopsServerless.Functions.Tests.Orchestration;

/// <summary>
/// Activities that keep throwing. Each waits out the workflow's real retry policy (3 attempts, 5 s then 10 s apart), so
/// these are in a class of their own that runs beside the others.
/// </summary>
public sealed class FailedStepOrchestrationTests : IAsyncLifetime
{
    readonly FakeTrainingActivities _activities = new();
    OrchestrationTestHost _host = null!;

    public async Task InitializeAsync() => _host = await OrchestrationTestHost.StartAsync(_activities);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_OneCandidateThrows_RunSelectsAmongTheOthersAndRecordsTheFailedOne()
    {
        _activities.Train = task => task.Config.Id == "c02"
            ? throw new InvalidOperationException("LightGbm ran out of memory")
            : Task.FromResult(Canned.Result(task.Config));

        (TrainingOutcome outcome, RunProgress progress) = await _host.RunAsync(Canned.Request("churn", "run-1"));

        Assert.Equal((TrainingRunStatus.Promoted, 1), (outcome.Status, outcome.Version));
        Assert.Equal(3, _activities.InputsOf<CandidateTask>(nameof(TrainingWorkflow.TrainCandidate)).Count(t => t.Config.Id == "c02"));
        SelectionRequest selection = Assert.Single(_activities.InputsOf<SelectionRequest>(nameof(TrainingWorkflow.SelectCandidate)));
        Assert.Equal(["c01", "c03"], selection.Trained.Select(c => c.Config.Id).Order());
        CandidateProgress failed = Assert.Single(selection.NotTrained);
        Assert.Equal(("c02", CandidateProgress.Failed), (failed.Id, failed.State));
        Assert.Contains("LightGbm ran out of memory", failed.Reason);
        Assert.Equal(CandidateProgress.Failed, progress.Candidates.Single(c => c.Id == "c02").State);
        Assert.Equal("c03", Assert.Single(_activities.InputsOf<ModelRegistration>(nameof(TrainingWorkflow.RegisterModelVersion))).Chosen.Config.Id);
        Assert.Empty(_activities.CallsOf(nameof(TrainingWorkflow.RecordTrainingFailure)));
    }

    [Fact]
    public async Task RunAsync_StepThrowsAfterItsRetries_RecordsTheFailureAndEndsFailed()
    {
        _activities.Register = _ => throw new InvalidOperationException("registry table unavailable");
        TrainingRequest request = Canned.Request("churn", "run-2");

        (TrainingOutcome outcome, RunProgress progress) = await _host.RunAsync(request);

        Assert.Equal((TrainingRunStatus.Failed, null), (outcome.Status, outcome.Version));
        Assert.Equal("RegisterModelVersion failed: registry table unavailable", outcome.Message);
        TrainingFailure failure = Assert.Single(_activities.InputsOf<TrainingFailure>(nameof(TrainingWorkflow.RecordTrainingFailure)));
        Assert.Equal((request, outcome.Message), (failure.Request, failure.Message));
        Assert.Equal(nameof(TrainingWorkflow.RegisterModelVersion), failure.Progress!.Steps[^1].Step);
        Assert.All(failure.Progress.Steps, s => Assert.NotNull(s.EndedAt));
        Assert.Equal(nameof(TrainingWorkflow.RegisterModelVersion), progress.Step);
        Assert.Empty(_activities.CallsOf(nameof(TrainingWorkflow.PromoteIfBetter)));
    }
}
