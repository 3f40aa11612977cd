using Microsoft.DurableTask;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Training;
using MlopsServerless.Functions.Training;

namespace MlopsServerless.Functions.Tests.Orchestration;

/// <summary>One call of a fake activity: its name, its input, when it started and when it returned or threw.</summary>
sealed class ActivityCall(string name, object input, DateTimeOffset startedAt)
{
    public string Name { get; } = name;

    public object Input { get; } = input;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset? EndedAt { get; set; }

    public T InputAs<T>() => (T)Input;
}

/// <summary>
/// Stand-ins for the training workflow's activities, registered under the same names: each returns a canned record
/// (or does what a test sets) and records its call, so a test sees what the orchestrator asked for, in which order.
/// </summary>
sealed class FakeTrainingActivities
{
    readonly List<ActivityCall> _calls = [];
    readonly object _gate = new();
    TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _versions;

    public Func<TrainingRequest, DatasetValidation> Validate { get; set; } = request => Canned.Valid(request);

    public Func<DatasetValidation, CandidateSearch.Plan> Plan { get; set; } = _ => Canned.Plan(3);

    /// <summary>Each candidate's validation AUC by default: c01 0.71, c02 0.72…, so the last planned one is best.</summary>
    public Func<CandidateTask, Task<CandidateResult>> Train { get; set; } = task => Task.FromResult(Canned.Result(task.Config));

    public Func<SelectionRequest, ModelRegistration> Select { get; set; } = request => Canned.Registration(request);

    public Func<ModelRegistration, Task<ModelVersion>>? Register { get; set; }

    public Func<PromotionRequest, Task<PromotionDecision>> Promote { get; set; } =
        request => Task.FromResult(Canned.Decision(request.Version, promoted: true, "beats the champion"));

    public IReadOnlyList<ActivityCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    public IReadOnlyList<ActivityCall> CallsOf(string name) => Calls.Where(c => c.Name == name).ToList();

    public IReadOnlyList<T> InputsOf<T>(string name) => CallsOf(name).Select(c => c.InputAs<T>()).ToList();

    public void AddTo(DurableTaskRegistry registry)
    {
        registry.AddActivityFunc<TrainingRequest, DatasetValidation>(nameof(TrainingWorkflow.ValidateTrainingData),
            (_, request) => RecordAsync(nameof(TrainingWorkflow.ValidateTrainingData), request, r => Task.FromResult(Validate(r))));
        registry.AddActivityFunc<DatasetValidation, CandidateSearch.Plan>(nameof(TrainingWorkflow.PlanCandidates),
            (_, validation) => RecordAsync(nameof(TrainingWorkflow.PlanCandidates), validation, v => Task.FromResult(Plan(v))));
        registry.AddActivityFunc<CandidateTask, CandidateResult>(nameof(TrainingWorkflow.TrainCandidate),
            (_, task) => RecordAsync(nameof(TrainingWorkflow.TrainCandidate), task, Train));
        registry.AddActivityFunc<SelectionRequest, ModelRegistration>(nameof(TrainingWorkflow.SelectCandidate),
            (_, request) => RecordAsync(nameof(TrainingWorkflow.SelectCandidate), request, r => Task.FromResult(Select(r))));
        registry.AddActivityFunc<ModelRegistration, ModelVersion>(nameof(TrainingWorkflow.RegisterModelVersion),
            (_, registration) => RecordAsync(nameof(TrainingWorkflow.RegisterModelVersion), registration, RegisterAsync));
        registry.AddActivityFunc<PromotionRequest, PromotionDecision>(nameof(TrainingWorkflow.PromoteIfBetter),
            (_, request) => RecordAsync(nameof(TrainingWorkflow.PromoteIfBetter), request, Promote));
        registry.AddActivityFunc<TrainingFailure>(nameof(TrainingWorkflow.RecordTrainingFailure),
            (_, failure) => RecordAsync(nameof(TrainingWorkflow.RecordTrainingFailure), failure, _ => Task.FromResult(true)));
    }

    /// <summary>Waits for the first call of <paramref name="name"/> (that returned, when <paramref name="ended"/>) matching <paramref name="where"/>.</summary>
    public async Task<ActivityCall> WaitForCallAsync(string name, Func<ActivityCall, bool>? where = null, bool ended = true)
    {
        using var timeout = new CancellationTokenSource(OrchestrationTestHost.Patience);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                ActivityCall? call = _calls.FirstOrDefault(c => c.Name == name && (!ended || c.EndedAt is not null) && (where?.Invoke(c) ?? true));
                if (call is not null)
                {
                    return call;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {(ended ? "finished " : string.Empty)}call of {name} in {OrchestrationTestHost.Patience}; calls: " +
                    string.Join(", ", Calls.Select(c => c.Name)));
            }
        }
    }

    Task<ModelVersion> RegisterAsync(ModelRegistration registration) =>
        Register?.Invoke(registration) ?? Task.FromResult(new ModelVersion(Interlocked.Increment(ref _versions), registration, Canned.Now));

    async Task<TOut> RecordAsync<TIn, TOut>(string name, TIn input, Func<TIn, Task<TOut>> body) where TIn : notnull
    {
        var call = new ActivityCall(name, input, DateTimeOffset.UtcNow);
        Changed(() => _calls.Add(call));
        try
        {
            return await body(input);
        }
        finally
        {
            Changed(() => call.EndedAt = DateTimeOffset.UtcNow);
        }
    }

    void Changed(Action change)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            change();
            signal = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.SetResult();
    }
}

/// <summary>The records the fake activities return: small, valid, and recognisable in assertions.</summary>
static class Canned
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static TrainingRequest Request(string model, string runId) => new(model, $"{model}/{runId}.csv", runId);

    public static ModelSpec Spec(int timeLimitSeconds = 60) => new("churned", ModelTask.Binary, [new FeatureColumn("tenure_months", ColumnKind.Numeric)],
        null, [], TrainingPolicy.Default with { TimeLimitSeconds = timeLimitSeconds });

    public static DatasetValidation Valid(TrainingRequest request, ModelSpec? spec = null) =>
        new(request, $"validation-reports/{request.Model}/{request.RunId}.json", "sha", 0, $"datasets/{request.Model}/sha.csv", spec ?? Spec(), null,
            Seed: 42, TestFraction: 0.2);

    public static CandidateSearch.Plan Plan(int candidates, params CandidateSearch.SkippedCandidate[] skipped)
    {
        TrainerKind[] families = [TrainerKind.FastTree, TrainerKind.LightGbm, TrainerKind.Linear, TrainerKind.FastForest];
        return new CandidateSearch.Plan(Enumerable.Range(1, candidates)
            .Select(i => new CandidateConfig($"c{i:D2}", families[(i - 1) % families.Length], new Dictionary<string, double> { ["trees"] = 10 * i }))
            .ToList(), skipped);
    }

    public static ModelMetrics Auc(double value) => new("auc", value, true, 100, new Dictionary<string, double> { ["auc"] = value });

    public static CandidateResult Result(CandidateConfig config) =>
        new(config, $"models/m/runs/r/{config.Id}/model.zip", new Dictionary<string, string>(), Auc(0.7 + 0.01 * int.Parse(config.Id[1..])),
            Auc(0.9), 0.1);

    public static ModelRegistration Registration(SelectionRequest request)
    {
        CandidateResult chosen = CandidateSelection.Best(request.Trained);
        TrainingRequest run = request.Validation.Request;
        var lineage = new Lineage(run.Model, run.RunId, run.SourceBlob, request.Validation.DatasetBlob!, request.Validation.DataSha256,
            request.Validation.Spec!, request.Validation.Seed, request.Validation.TestFraction, "test", request.Validation.ReportBlob);
        var card = new ModelCard(chosen.ValidationMetrics, new Dictionary<string, double>(),
            new FitDiagnosis("auc", 0.9, chosen.ValidationMetrics.PrimaryValue, [], FitVerdict.Ok, "ok"), new ConformalCalibration(0.9, 0.5, 20), [],
            "profile.json", []);
        return new ModelRegistration(lineage, chosen, card, Now);
    }

    public static PromotionDecision Decision(ModelVersion version, bool promoted, string reason) =>
        new(version.Model, version.Version, promoted, reason, version.Metrics, promoted ? null : version.Version - 1, null);
}
