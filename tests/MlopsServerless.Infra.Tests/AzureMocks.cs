using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace MlopsServerless.Infra.Tests;

/// <summary>
/// Stands in for Azure: echoes each resource's inputs as its outputs, adds the outputs Azure computes (name, ids,
/// host name, identity, connection string) and answers the two invokes the program makes. Records every registration.
/// </summary>
public sealed class AzureMocks : IMocks
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000000a";
    public const string TenantId = "00000000-0000-0000-0000-00000000000b";
    public const string AppPrincipalId = "00000000-0000-0000-0000-00000000000c";

    /// <summary>The identity that runs the program (<c>getClientConfig</c>'s objectId).</summary>
    public const string DeployerObjectId = "00000000-0000-0000-0000-00000000000f";
    public const string BlobsExtensionKey = "blobs/extension+key==";
    public const string ApplicationInsightsConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-00000000000d;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/";

    /// <summary>The subscription the program runs in, as <c>getClientConfig</c> answers.</summary>
    public string ClientSubscriptionId { get; init; } = SubscriptionId;

    /// <summary>False: the host has not started with the blob trigger yet (no code deployed).</summary>
    public bool HostHasBlobsExtensionKey { get; init; } = true;

    public ConcurrentQueue<MockResourceArgs> Registered { get; } = new();
    public ConcurrentQueue<MockCallArgs> Invoked { get; } = new();

    /// <summary>The input that carries the Azure name, per resource type (it becomes the <c>name</c> output).</summary>
    static readonly IReadOnlyDictionary<string, string> NameInput = new Dictionary<string, string>
    {
        [AzureTypes.ResourceGroup] = "resourceGroupName",
        [AzureTypes.StorageAccount] = "accountName",
        [AzureTypes.BlobContainer] = "containerName",
        [AzureTypes.Table] = "tableName",
        [AzureTypes.Workspace] = "workspaceName",
        [AzureTypes.ApplicationInsights] = "resourceName",
        [AzureTypes.AppServicePlan] = "name",
        [AzureTypes.WebApp] = "name",
        [AzureTypes.SystemTopic] = "systemTopicName",
        [AzureTypes.SystemTopicEventSubscription] = "eventSubscriptionName",
    };

    public static string ResourceId(string type, string name) => $"/subscriptions/{SubscriptionId}/mock/{type}/{name}";

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Registered.Enqueue(args);
        var type = args.Type!;
        var state = args.Inputs.ToBuilder();
        var name = NameInput.TryGetValue(type, out var input) && args.Inputs.TryGetValue(input, out var value)
            ? (string)value
            : args.Name!;
        state["name"] = name;

        if (type == AzureTypes.WebApp)
        {
            state["defaultHostName"] = $"{name}.azurewebsites.net";
            state["identity"] = ImmutableDictionary<string, object>.Empty
                .Add("type", "SystemAssigned")
                .Add("principalId", AppPrincipalId)
                .Add("tenantId", TenantId);
        }
        else if (type == AzureTypes.ApplicationInsights)
        {
            state["connectionString"] = ApplicationInsightsConnectionString;
        }

        return Task.FromResult<(string? id, object state)>((ResourceId(type, name), state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        Invoked.Enqueue(args);
        object result = args.Token switch
        {
            "azure-native:authorization:getClientConfig" => ImmutableDictionary<string, object>.Empty
                .Add("clientId", "00000000-0000-0000-0000-00000000000e")
                .Add("objectId", DeployerObjectId)
                .Add("subscriptionId", ClientSubscriptionId)
                .Add("tenantId", TenantId),
            "azure-native:web:listWebAppHostKeys" => ImmutableDictionary<string, object>.Empty
                .Add("masterKey", "master-key")
                .Add("functionKeys", ImmutableDictionary<string, object>.Empty.Add("default", "function-key"))
                .Add("systemKeys", HostHasBlobsExtensionKey
                    ? ImmutableDictionary<string, object>.Empty.Add("blobs_extension", BlobsExtensionKey)
                    : ImmutableDictionary<string, object>.Empty),
            _ => throw new InvalidOperationException($"The program made an invoke the mocks do not expect: {args.Token}"),
        };
        return Task.FromResult(result);
    }
}

/// <summary>Pulumi type tokens of the Azure resources the program declares (from @pulumi/azure-native 3.28.0).</summary>
public static class AzureTypes
{
    public const string ResourceGroup = "azure-native:resources:ResourceGroup";
    public const string StorageAccount = "azure-native:storage:StorageAccount";
    public const string BlobContainer = "azure-native:storage:BlobContainer";
    public const string Table = "azure-native:storage:Table";
    public const string Workspace = "azure-native:operationalinsights:Workspace";
    public const string ApplicationInsights = "azure-native:applicationinsights:Component";
    public const string AppServicePlan = "azure-native:web:AppServicePlan";
    public const string WebApp = "azure-native:web:WebApp";
    public const string RoleAssignment = "azure-native:authorization:RoleAssignment";
    public const string SystemTopic = "azure-native:eventgrid:SystemTopic";
    public const string SystemTopicEventSubscription = "azure-native:eventgrid:SystemTopicEventSubscription";
}
