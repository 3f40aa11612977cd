using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;
using MlopsServerless.LocalHost.Durable;

namespace MlopsServerless.LocalHost.Tests.Durable;

public sealed class SidecarOrchestrationServiceTests
{
    [Fact]
    public async Task LockNextTaskActivityWorkItem_ActivityOutlastsItsLock_RenewsTheLockUntilTheActivityAnswers()
    {
        var backend = new FakeOrchestrationService(lockDuration: TimeSpan.FromSeconds(2));
        var service = new SidecarOrchestrationService(backend, NullLogger<SidecarOrchestrationService>.Instance);

        TaskActivityWorkItem workItem = await service.LockNextTaskActivityWorkItem(TimeSpan.Zero, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await service.CompleteTaskActivityWorkItemAsync(workItem, new TaskMessage());
        int renewalsWhenAnswered = backend.Renewals;
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.True(renewalsWhenAnswered >= 1, "The lock was never renewed.");
        Assert.Equal(renewalsWhenAnswered, backend.Renewals);
        Assert.Equal(1, backend.Completions);
    }

    [Fact]
    public async Task StopAsync_BeforeStart_NeitherStartsNorStopsTheBackend()
    {
        var backend = new FakeOrchestrationService(lockDuration: TimeSpan.FromMinutes(1));
        var service = new SidecarOrchestrationService(backend, NullLogger<SidecarOrchestrationService>.Instance);

        await service.StopAsync(isForced: true);
        await service.StartAsync();

        Assert.Equal((0, 0), (backend.Starts, backend.Stops));
    }

    [Fact]
    public async Task StopAsync_Twice_StopsTheBackendOnce()
    {
        var backend = new FakeOrchestrationService(lockDuration: TimeSpan.FromMinutes(1));
        var service = new SidecarOrchestrationService(backend, NullLogger<SidecarOrchestrationService>.Instance);

        await service.StartAsync();
        await service.StopAsync(isForced: true);
        await service.StopAsync();

        Assert.Equal((1, 1), (backend.Starts, backend.Stops));
    }

    /// <summary>Hands out activity work items locked for a while, and counts what is done with them.</summary>
    sealed class FakeOrchestrationService(TimeSpan lockDuration) : IOrchestrationService
    {
        int _renewals, _completions, _starts, _stops;

        public int Renewals => Volatile.Read(ref _renewals);
        public int Completions => Volatile.Read(ref _completions);
        public int Starts => Volatile.Read(ref _starts);
        public int Stops => Volatile.Read(ref _stops);

        public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
            Task.FromResult(new TaskActivityWorkItem { Id = "work-item-1", LockedUntilUtc = DateTime.UtcNow + lockDuration });

        public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
        {
            Interlocked.Increment(ref _renewals);
            return Task.FromResult(new TaskActivityWorkItem { Id = workItem.Id, LockedUntilUtc = DateTime.UtcNow + lockDuration });
        }

        public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
        {
            Interlocked.Increment(ref _completions);
            return Task.CompletedTask;
        }

        public Task StartAsync()
        {
            Interlocked.Increment(ref _starts);
            return Task.CompletedTask;
        }

        public Task StopAsync(bool isForced)
        {
            Interlocked.Increment(ref _stops);
            return Task.CompletedTask;
        }

        public Task StopAsync() => StopAsync(isForced: false);

        public int TaskOrchestrationDispatcherCount => 1;
        public int MaxConcurrentTaskOrchestrationWorkItems => 1;
        public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => BehaviorOnContinueAsNew.Carryover;
        public int TaskActivityDispatcherCount => 1;
        public int MaxConcurrentTaskActivityWorkItems => 1;
        public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => throw new NotSupportedException();
        public Task CreateAsync() => throw new NotSupportedException();
        public Task CreateAsync(bool recreateInstanceStore) => throw new NotSupportedException();
        public Task CreateIfNotExistsAsync() => throw new NotSupportedException();
        public Task DeleteAsync() => throw new NotSupportedException();
        public Task DeleteAsync(bool deleteInstanceStore) => throw new NotSupportedException();
        public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => throw new NotSupportedException();
        public int GetDelayInSecondsAfterOnProcessException(Exception exception) => throw new NotSupportedException();
        public int GetDelayInSecondsAfterOnFetchException(Exception exception) => throw new NotSupportedException();
        public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
        public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => throw new NotSupportedException();
        public Task CompleteTaskOrchestrationWorkItemAsync(
            TaskOrchestrationWorkItem workItem,
            OrchestrationRuntimeState newOrchestrationRuntimeState,
            IList<TaskMessage> outboundMessages,
            IList<TaskMessage> orchestratorMessages,
            IList<TaskMessage> timerMessages,
            TaskMessage continuedAsNewMessage,
            OrchestrationState orchestrationState) => throw new NotSupportedException();
        public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => throw new NotSupportedException();
        public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => throw new NotSupportedException();
    }
}
