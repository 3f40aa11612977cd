using Pulumi;
using Pulumi.AzureNative.Authorization;

namespace MlopsServerless.Infra;

public sealed record RoleAssignmentsArgs(Input<string> PrincipalId, Input<string> StorageAccountId, Input<string> ApplicationInsightsId);

/// <summary>What the Function App's identity may do: data-plane access to the storage account, telemetry ingestion.</summary>
public sealed class RoleAssignments : ComponentResource
{
    /// <summary>Built-in role definition ids (the same in every tenant).</summary>
    public static class Roles
    {
        /// <summary>Blobs: app data, host leases/keys, the deployment package.</summary>
        public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";

        /// <summary>Queues: Durable Functions control/work-item queues, blob trigger poison queue.</summary>
        public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";

        /// <summary>Tables: registry, runs, predictions, drift reports, Durable Functions history.</summary>
        public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";

        /// <summary>Entra-authenticated Application Insights ingestion.</summary>
        public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    }

    public IReadOnlyList<RoleAssignment> Assignments { get; }

    public RoleAssignments(string name, RoleAssignmentsArgs args, ComponentResourceOptions? options = null)
        : base("mlops:platform:RoleAssignments", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };
        var subscriptionId = GetClientConfig.Invoke().Apply(client => client.SubscriptionId);

        RoleAssignment Assign(string assignmentName, Input<string> scope, string roleDefinition) =>
            new(assignmentName, new RoleAssignmentArgs
            {
                PrincipalId = args.PrincipalId,
                PrincipalType = PrincipalType.ServicePrincipal,
                RoleDefinitionId = Output.Format(
                    $"/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinition}"),
                Scope = scope,
            }, child);

        Assignments =
        [
            Assign("storage-blob-data-owner", args.StorageAccountId, Roles.StorageBlobDataOwner),
            Assign("storage-queue-data-contributor", args.StorageAccountId, Roles.StorageQueueDataContributor),
            Assign("storage-table-data-contributor", args.StorageAccountId, Roles.StorageTableDataContributor),
            Assign("monitoring-metrics-publisher", args.ApplicationInsightsId, Roles.MonitoringMetricsPublisher),
        ];

        RegisterOutputs();
    }
}
