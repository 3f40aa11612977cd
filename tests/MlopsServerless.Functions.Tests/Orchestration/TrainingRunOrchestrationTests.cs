using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Training;
using MlopsServerless.Functions.Training;

namespace MlopsServerless.Functions.Tests.Orchestration;

/// <summary>
/// One run through <see cref="TrainingWorkflow.RunAsync"/> on the in-process Durable Task host with fake activities:
/// the fan-out, each branch that ends a run early, the gate's refusal and the time limit.
/// </summary>
public sealed class TrainingRunOrchestrationTests : IAsyncLifetime
{
    static readonly string[] AllSteps =
    [
        nameof(TrainingWorkflow.ValidateTrainingData), nameof(TrainingWorkflow.PlanCandidates), nameof(TrainingWorkflow.TrainCandidate),
        nameof(TrainingWorkflow.SelectCandidate), nameof(TrainingWorkflow.RegisterModelVersion), nameof(TrainingWorkflow.PromoteIfBetter),
    ];

    readonly FakeTrainingActivities _activities = new();
    readonly TaskCompletionSource<CandidateResult> _straggler = new(TaskCreationOptions.RunContinuationsAsynchronously);
    OrchestrationTestHost _host = null!;

    public async Task InitializeAsync() => _host = await OrchestrationTestHost.StartAsync(_activities);

    public async Task DisposeAsync()
    {
        _straggler.TrySetCanceled();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_ThreeCandidates_TrainsEveryPlannedOneAndSelectsAmongAllResults()
    {
        _activities.Plan = _ => Canned.Plan(3, new CandidateSearch.SkippedCandidate(TrainerKind.FastForest, "not on this host"));
        TrainingRequest request = Canned.Request("churn", "run-1");

        (TrainingOutcome outcome, RunProgress progress) = await _host.RunAsync(request);

        Assert.Equal((TrainingRunStatus.Promoted, 1), (outcome.Status, outcome.Version));
        Assert.Equal(["c01", "c02", "c03"], _activities.InputsOf<CandidateTask>(nameof(TrainingWorkflow.TrainCandidate)).Select(t => t.Config.Id).Order());
        SelectionRequest selection = Assert.Single(_activities.InputsOf<SelectionRequest>(nameof(TrainingWorkflow.SelectCandidate)));
        Assert.Equal(["c01", "c02", "c03"], selection.Trained.Select(c => c.Config.Id).Order());
        CandidateProgress skipped = Assert.Single(selection.NotTrained);
        Assert.Equal((CandidateProgress.Skipped, "not on this host"), (skipped.State, skipped.Reason));
        Assert.Equal("c03", Assert.Single(_activities.InputsOf<ModelRegistration>(nameof(TrainingWorkflow.RegisterModelVersion))).Chosen.Config.Id);
        Assert.Equal(AllSteps, _activities.Calls.Select(c => c.Name).Distinct());

        Assert.Equal(AllSteps, progress.Steps.Select(s => s.Step));
        Assert.All(progress.Steps, s => Assert.NotNull(s.EndedAt));
        Assert.Equal(request.RunId, progress.RunId);
        Assert.All(progress.Candidates.Where(c => c.Id.StartsWith('c')), c =>
        {
            Assert.Equal(CandidateProgress.Trained, c.State);
            Assert.Equal("auc", c.ValidationMetrics!.PrimaryMetric);
        });
        Assert.True(progress.Decision!.Promoted);
        PromotionRequest promotion = Assert.Single(_activities.InputsOf<PromotionRequest>(nameof(TrainingWorkflow.PromoteIfBetter)));
        Assert.Equal(AllSteps, promotion.Progress!.Steps.Select(s => s.Step));
    }

    [Fact]
    public async Task RunAsync_GateRefusesTheChallenger_EndsNotPromotedWithTheGatesReason()
    {
        const string reason = "auc 0.73 does not beat the champion's auc 0.8 (both scored on the candidate's test rows)";
        _activities.Promote = request => Task.FromResult(Canned.Decision(request.Version, promoted: false, reason));

        (TrainingOutcome outcome, RunProgress progress) = await _host.RunAsync(Canned.Request("churn", "run-2"));

        Assert.Equal((TrainingRunStatus.NotPromoted, 1, reason), (outcome.Status, outcome.Version, outcome.Message));
        Assert.False(progress.Decision!.Promoted);
        Assert.Empty(_activities.CallsOf(nameof(TrainingWorkflow.RecordTrainingFailure)));
    }

    [Fact]
    public async Task RunAsync_DuplicateOfARegisteredVersion_EndsAfterValidationWithoutTraining()
    {
        _activities.Validate = request => Canned.Valid(request) with { DuplicateOfVersion = 3 };

        (TrainingOutcome outcome, RunProgress progress) = await _host.RunAsync(Canned.Request("churn", "run-3"));

        Assert.Equal((TrainingRunStatus.Duplicate, 3), (outcome.Status, outcome.Version));
        Assert.Contains("v3", outcome.Message);
        Assert.Equal([nameof(TrainingWorkflow.ValidateTrainingData)], _activities.Calls.Select(c => c.Name));
        Assert.NotNull(Assert.Single(progress.Steps).EndedAt);
    }

    [Fact]
    public async Task RunAsync_RunThatAlreadyEnded_ReportsItsEndAndDoesNothingAgain()
    {
        _activities.Validate = request => new DatasetValidation(request, "report.json", string.Empty, 0, null, null, null,
            AlreadyEnded: new TrainingRun(request.Model, request.RunId, request.SourceBlob, TrainingRunStatus.NotPromoted, Canned.Now,
                "did not beat v4", Version: 5));

        (TrainingOutcome outcome, _) = await _host.RunAsync(Canned.Request("churn", "run-4"));

        Assert.Equal((TrainingRunStatus.NotPromoted, 5, "did not beat v4"), (outcome.Status, outcome.Version, outcome.Message));
        Assert.Equal([nameof(TrainingWorkflow.ValidateTrainingData)], _activities.Calls.Select(c => c.Name));
    }

    [Fact]
    public async Task RunAsync_RejectedDataset_EndsRejectedNamingReportAndQuarantine()
    {
        _activities.Validate = request => new DatasetValidation(request, "validation-reports/churn/run-5.json", "sha", 2, null, null,
            "quarantine/churn/run-5/data.csv");

        (TrainingOutcome outcome, _) = await _host.RunAsync(Canned.Request("churn", "run-5"));

        Assert.Equal((TrainingRunStatus.Rejected, null), (outcome.Status, outcome.Version));
        Assert.Contains("2 validation error(s)", outcome.Message);
        Assert.Contains("validation-reports/churn/run-5.json", outcome.Message);
        Assert.Contains("quarantine/churn/run-5/data.csv", outcome.Message);
        Assert.Equal([nameof(TrainingWorkflow.ValidateTrainingData)], _activities.Calls.Select(c => c.Name));
    }

    /// <summary>
    /// The run goes on without the straggler. (Durable Task completes an orchestration only once none of its tasks is
    /// open, so the straggler is let go once the run has decided, and the instance then completes.)
    /// </summary>
    [Fact]
    public async Task RunAsync_CandidateStillTrainingAtTheTimeLimit_IsTimedOutAndTheOthersAreSelectedAmong()
    {
        _activities.Validate = request => Canned.Valid(request, Canned.Spec(timeLimitSeconds: 2));
        _activities.Train = task => task.Config.Id == "c03" ? _straggler.Task : Task.FromResult(Canned.Result(task.Config));
        Task<(TrainingOutcome, RunProgress)> running = _host.RunAsync(Canned.Request("churn", "run-6"));

        await _activities.WaitForCallAsync(nameof(TrainingWorkflow.PromoteIfBetter));
        _straggler.SetResult(Canned.Result(Canned.Plan(3).Candidates[2]));
        (TrainingOutcome outcome, RunProgress progress) = await running;

        Assert.Equal(TrainingRunStatus.Promoted, outcome.Status);
        SelectionRequest selection = Assert.Single(_activities.InputsOf<SelectionRequest>(nameof(TrainingWorkflow.SelectCandidate)));
        Assert.Equal(["c01", "c02"], selection.Trained.Select(c => c.Config.Id).Order());
        CandidateProgress timedOut = Assert.Single(selection.NotTrained);
        Assert.Equal(("c03", CandidateProgress.TimedOut), (timedOut.Id, timedOut.State));
        Assert.Contains("time limit of 2 s", timedOut.Reason);
        Assert.Equal(CandidateProgress.TimedOut, progress.Candidates.Single(c => c.Id == "c03").State);
        Assert.Equal("c02", Assert.Single(_activities.InputsOf<ModelRegistration>(nameof(TrainingWorkflow.RegisterModelVersion))).Chosen.Config.Id);
    }
}
