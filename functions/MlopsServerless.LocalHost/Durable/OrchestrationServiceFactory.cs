using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging;

namespace MlopsServerless.LocalHost.Durable;

/// <summary>Creates the DurableTask.Core backend that the sidecar dispatches from.</summary>
internal static class OrchestrationServiceFactory
{
    /// <summary>
    /// How long a message taken by a process that then dies stays hidden from the next one, and how long a dead
    /// process's partition lease lasts: the time a restarted local host waits before it resumes interrupted work.
    /// (On Azure these are 5 minutes and 30 seconds.)
    /// </summary>
    internal static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait between two polls of an idle queue (30 seconds on Azure): how soon a new orchestration starts.</summary>
    internal static readonly TimeSpan MaxQueuePollingInterval = TimeSpan.FromSeconds(1);

    /// <summary>The backend for <paramref name="options"/>; the caller owns it and must create its storage first.</summary>
    public static IOrchestrationService Create(DurableBackendOptions options, ILoggerFactory loggerFactory) => options.Backend switch
    {
        DurableBackend.AzureStorage => new AzureStorageOrchestrationService(AzureStorageSettings(options, loggerFactory)),
        DurableBackend.InMemory => new InMemoryOrchestrationService(loggerFactory),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Backend, "Unknown durable backend."),
    };

    static AzureStorageOrchestrationServiceSettings AzureStorageSettings(DurableBackendOptions options, ILoggerFactory loggerFactory) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(
            options.StorageConnectionString ?? throw new InvalidOperationException("No storage connection string.")),
        TaskHubName = options.TaskHub,
        LoggerFactory = loggerFactory,

        // One process, one partition: no app lease to negotiate, no partitions to balance.
        PartitionCount = 1,
        UseAppLease = false,

        ControlQueueVisibilityTimeout = RecoveryInterval,
        WorkItemQueueVisibilityTimeout = RecoveryInterval,
        LeaseInterval = RecoveryInterval,
        LeaseRenewInterval = RecoveryInterval / 3,
        LeaseAcquireInterval = RecoveryInterval / 3,
        MaxQueuePollingInterval = MaxQueuePollingInterval,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities ?? new AzureStorageOrchestrationServiceSettings().MaxConcurrentTaskActivityWorkItems,
    };
}
