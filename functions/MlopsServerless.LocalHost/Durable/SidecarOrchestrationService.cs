using System.Collections.Concurrent;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging;

namespace MlopsServerless.LocalHost.Durable;

/// <summary>
/// The backend as the sidecar's dispatchers see it. Adds what DurableTask.Core's own dispatchers do and the sidecar's
/// do not: the lock on a running activity's work item is renewed until the activity answers. Without it, an activity
/// longer than the queue visibility timeout has its message fetched again, cannot delete it when done, and leaves it in
/// the queue to run once more in the next process. Also makes start and stop safe to call in any order and more than
/// once, because the sidecar starts and stops its backend from fire-and-forget callbacks.
/// </summary>
internal sealed partial class SidecarOrchestrationService(IOrchestrationService inner, ILogger<SidecarOrchestrationService> logger)
    : IOrchestrationService
{
    static readonly TimeSpan ShortestRenewalDelay = TimeSpan.FromSeconds(1);
    static readonly TimeSpan LongestRenewalDelay = TimeSpan.FromMinutes(5);

    readonly ConcurrentDictionary<string, ActivityLockRenewal> _renewals = new();
    readonly SemaphoreSlim _lifecycle = new(1, 1);
    bool _started;
    bool _stopped;

    public async Task StartAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_started || _stopped)
            {
                return;
            }

            await inner.StartAsync();
            _started = true;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public Task StopAsync() => StopAsync(isForced: false);

    public async Task StopAsync(bool isForced)
    {
        await _lifecycle.WaitAsync();
        try
        {
            _stopped = true;
            foreach (string workItemId in _renewals.Keys)
            {
                // Work this process will not finish: let the lock lapse so the next process gets it.
                await StopRenewingAsync(workItemId);
            }

            if (_started)
            {
                _started = false;
                await inner.StopAsync(isForced);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskActivityWorkItem? workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            var renewal = new ActivityLockRenewal();
            renewal.Loop = RenewUntilAnsweredAsync(workItem, renewal.Cancellation.Token);
            _renewals[workItem.Id] = renewal;
        }

        return workItem!;
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await StopRenewingAsync(workItem.Id);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await StopRenewingAsync(workItem.Id);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        inner.RenewTaskActivityWorkItemLockAsync(workItem);

    async Task RenewUntilAnsweredAsync(TaskActivityWorkItem workItem, CancellationToken answered)
    {
        try
        {
            while (true)
            {
                TimeSpan untilExpiry = workItem.LockedUntilUtc - DateTime.UtcNow;
                if (untilExpiry > LongestRenewalDelay * 2)
                {
                    return; // Effectively never expires (the in-memory backend).
                }

                await Task.Delay(Clamp(untilExpiry / 2), answered);
                TaskActivityWorkItem renewed = await inner.RenewTaskActivityWorkItemLockAsync(workItem);
                if (renewed.LockedUntilUtc <= DateTime.UtcNow)
                {
                    LogLockLost(workItem.Id);
                    return; // The backend no longer holds it: it will be delivered again.
                }

                workItem.LockedUntilUtc = renewed.LockedUntilUtc;
            }
        }
        catch (OperationCanceledException) when (answered.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // The activity goes on; at worst its work item is delivered again after the lock lapses.
            LogRenewalFailed(workItem.Id, exception);
        }
    }

    async Task StopRenewingAsync(string workItemId)
    {
        if (_renewals.TryRemove(workItemId, out ActivityLockRenewal? renewal))
        {
            // Wait out a renewal in flight: completing with a stale lock would leave the message to be delivered again.
            await renewal.Cancellation.CancelAsync();
            await renewal.Loop;
            renewal.Cancellation.Dispose();
        }
    }

    static TimeSpan Clamp(TimeSpan delay) =>
        delay < ShortestRenewalDelay ? ShortestRenewalDelay : delay > LongestRenewalDelay ? LongestRenewalDelay : delay;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lock on activity work item {WorkItemId}")]
    partial void LogRenewalFailed(string workItemId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lock on activity work item {WorkItemId}: it will be delivered again")]
    partial void LogLockLost(string workItemId);

    sealed class ActivityLockRenewal
    {
        public CancellationTokenSource Cancellation { get; } = new();
        public Task Loop { get; set; } = Task.CompletedTask;
    }

    // Everything else passes straight through.
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;
    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        foreach (TaskMessage message in orchestratorMessages.Append(continuedAsNewMessage))
        {
            PlainTags(message?.Event as ExecutionStartedEvent);
        }

        PlainTags(newOrchestrationRuntimeState?.ExecutionStartedEvent);
        return inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    /// <summary>
    /// The sidecar hands a started sub-orchestration (or a continued-as-new one) its tags as a protobuf map, which the
    /// Azure Storage backend writes with its type name and then cannot read back; a plain dictionary it can.
    /// </summary>
    static void PlainTags(ExecutionStartedEvent? started)
    {
        if (started?.Tags is { } tags && tags.GetType() != typeof(Dictionary<string, string>))
        {
            started.Tags = new Dictionary<string, string>(tags);
        }
    }
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
}
