using MlopsServerless.Configuration;
using Pulumi;
using Pulumi.AzureNative.Authorization;
using ResourceGroup = Pulumi.AzureNative.Resources.ResourceGroup;
using ResourceGroupArgs = Pulumi.AzureNative.Resources.ResourceGroupArgs;

namespace MlopsServerless.Infra;

/// <summary>One environment of the platform: the components in dependency order, and the stack outputs.</summary>
public static class MlopsPlatform
{
    /// <summary>
    /// Reads who deploys where (subscription: the names' suffix; principal: blob access for the post-deploy smoke test),
    /// then declares everything.
    /// </summary>
    public static async Task<IDictionary<string, object?>> CreateAsync(string stackName, DeploymentSettings settings)
    {
        var client = await GetClientConfig.InvokeAsync();
        return Create(stackName, settings, client);
    }

    static IDictionary<string, object?> Create(string stackName, DeploymentSettings settings, GetClientConfigResult client)
    {
        var names = ResourceNames.For(settings.NamePrefix, stackName, client.SubscriptionId);

        var resourceGroup = new ResourceGroup(names.ResourceGroup, new ResourceGroupArgs
        {
            ResourceGroupName = names.ResourceGroup,
            Location = settings.Location,
        });

        var monitoring = new Monitoring("monitoring", new MonitoringArgs(
            resourceGroup.Name, resourceGroup.Location, names.LogAnalyticsWorkspace, names.ApplicationInsights, settings.LogRetentionDays));

        var storage = new DataStorage("storage", new DataStorageArgs(resourceGroup.Name, resourceGroup.Location, names.StorageAccount));

        var functionApp = new FunctionApp("functions", new FunctionAppArgs(
            resourceGroup.Name,
            resourceGroup.Location,
            names.AppServicePlan,
            names.FunctionApp,
            storage.DeploymentContainerUrl,
            FunctionAppSettingsBuilder.Build(
                settings.Platform, names.StorageAccount, settings.DisableDotnetIsolatedPlaceholder),
            monitoring.ConnectionString,
            settings.InstanceMemoryMB,
            settings.MaximumInstanceCount));

        _ = new RoleAssignments("roles", new RoleAssignmentsArgs(
            client.SubscriptionId, functionApp.PrincipalId, client.ObjectId, storage.AccountId, monitoring.ApplicationInsightsId));

        _ = new BlobEventSubscription("blob-events", new BlobEventSubscriptionArgs(
            resourceGroup.Name,
            resourceGroup.Location,
            names.EventGridSystemTopic,
            storage.AccountId,
            functionApp.Name,
            functionApp.DefaultHostName,
            settings.EventSubscription));

        return new Dictionary<string, object?>
        {
            [DeploymentOutputs.FunctionAppName] = functionApp.Name,
            [DeploymentOutputs.DefaultHostName] = functionApp.DefaultHostName,
            [DeploymentOutputs.StorageAccountName] = storage.AccountName,
            [DeploymentOutputs.ResourceGroupName] = resourceGroup.Name,
            [DeploymentOutputs.ApplicationInsightsName] = monitoring.ApplicationInsightsName,
        };
    }
}
