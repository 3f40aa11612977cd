using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Functions.Training;

namespace MlopsServerless.Functions.Tests.Orchestration;

/// <summary>
/// The training workflow's static orchestrators on the in-process Durable Task test host, over fake activities:
/// <see cref="TrainingWorkflow.TrainModel"/> under its own name, and <see cref="RunOnce"/>, which runs one request
/// through <see cref="TrainingWorkflow.RunAsync"/> and completes with its outcome.
/// </summary>
sealed class OrchestrationTestHost : IAsyncDisposable
{
    public const string RunOnce = nameof(RunOnce);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    readonly DurableTaskTestHost _host;

    OrchestrationTestHost(DurableTaskTestHost host, FakeTrainingActivities activities)
    {
        _host = host;
        Activities = activities;
    }

    public FakeTrainingActivities Activities { get; }

    public DurableTaskClient Client => _host.Client;

    public static async Task<OrchestrationTestHost> StartAsync(FakeTrainingActivities activities)
    {
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc<TrainerInput>(nameof(TrainingWorkflow.TrainModel), (context, _) => TrainingWorkflow.TrainModel(context));
            registry.AddOrchestratorFunc<TrainingRequest, TrainingOutcome>(RunOnce, (context, request) => TrainingWorkflow.RunAsync(context, request));
            activities.AddTo(registry);
        });
        return new OrchestrationTestHost(host, activities);
    }

    /// <summary>Runs one request to its end; the outcome and the run's last progress (the custom status).</summary>
    public async Task<(TrainingOutcome Outcome, RunProgress Progress)> RunAsync(TrainingRequest request)
    {
        using var timeout = new CancellationTokenSource(Patience);
        string instanceId = await Client.ScheduleNewOrchestrationInstanceAsync(RunOnce, request, timeout.Token);
        OrchestrationMetadata done;
        try
        {
            done = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            OrchestrationMetadata? now = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            throw new TimeoutException($"{request.RunId} did not end in {Patience}: {now?.RuntimeStatus}, progress {now?.SerializedCustomStatus}; " +
                $"calls: {string.Join(", ", Activities.Calls.Select(c => c.EndedAt is null ? c.Name + " (running)" : c.Name))}");
        }

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        return (done.ReadOutputAs<TrainingOutcome>()!, done.ReadCustomStatusAs<RunProgress>()!);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
