using Pulumi;
using Pulumi.AzureNative.Authorization;

namespace MlopsServerless.Infra;

/// <param name="DeployerPrincipalId">Object id of whoever runs <c>pulumi up</c> (the pipeline's identity in CI).</param>
public sealed record RoleAssignmentsArgs(
    string SubscriptionId,
    Input<string> PrincipalId,
    string DeployerPrincipalId,
    Input<string> StorageAccountId,
    Input<string> ApplicationInsightsId);

/// <summary>
/// What the Function App's identity may do: data-plane access to the storage account, telemetry ingestion. And what
/// the deploying identity may do beyond managing resources: read and write blobs, so that the post-deploy smoke test
/// (scripts/smoke-deployed.sh) can upload a dataset and remove what it produced, without shared keys.
/// </summary>
public sealed class RoleAssignments : ComponentResource
{
    /// <summary>Built-in role definition ids (the same in every tenant).</summary>
    public static class Roles
    {
        /// <summary>Blobs: app data, host leases/keys, the deployment package.</summary>
        public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";

        /// <summary>Blobs, without managing access: the deploying identity's smoke test.</summary>
        public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

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

        RoleAssignment Assign(string assignmentName, Input<string> scope, string roleDefinition) =>
            new(assignmentName, new RoleAssignmentArgs
            {
                PrincipalId = args.PrincipalId,
                PrincipalType = PrincipalType.ServicePrincipal,
                RoleDefinitionId = RoleDefinitionId(args.SubscriptionId, roleDefinition),
                Scope = scope,
            }, child);

        Assignments =
        [
            Assign("storage-blob-data-owner", args.StorageAccountId, Roles.StorageBlobDataOwner),
            Assign("storage-queue-data-contributor", args.StorageAccountId, Roles.StorageQueueDataContributor),
            Assign("storage-table-data-contributor", args.StorageAccountId, Roles.StorageTableDataContributor),
            Assign("monitoring-metrics-publisher", args.ApplicationInsightsId, Roles.MonitoringMetricsPublisher),

            // A user when a person runs "pulumi up", a service principal in the pipeline: leave the type to Azure. The
            // args constructor defaults it to "User", which Azure refuses for a service principal (UnmatchedPrincipalType).
            new("deployer-storage-blob-data-contributor", new RoleAssignmentArgs
            {
                PrincipalId = args.DeployerPrincipalId,
                PrincipalType = null,
                RoleDefinitionId = RoleDefinitionId(args.SubscriptionId, Roles.StorageBlobDataContributor),
                Scope = args.StorageAccountId,
            }, child),
        ];

        RegisterOutputs();
    }

    static string RoleDefinitionId(string subscriptionId, string roleDefinition) =>
        $"/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinition}";
}
