using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;

namespace MlopsServerless.Infra.Tests;

public class BlobEventSubscriptionTests
{
    const string ListHostKeys = "azure-native:web:listWebAppHostKeys";

    [Fact]
    public async Task FirstStage_CreatesTheStorageSystemTopicOnly_AndReadsNoHostKey()
    {
        var settings = PlatformDeployment.StackSettings("dev") with { EventSubscription = false };

        var deployed = await PlatformDeployment.RunAsync("dev", settings);

        var topic = deployed.Single(AzureTypes.SystemTopic).Inputs;
        var account = (string)deployed.Single(AzureTypes.StorageAccount).Inputs["accountName"];
        Assert.Equal(AzureMocks.ResourceId(AzureTypes.StorageAccount, account), topic["source"]);
        Assert.Equal(BlobTriggerWebhook.StorageAccountTopicType, topic["topicType"]);
        Assert.Empty(deployed.All(AzureTypes.SystemTopicEventSubscription));
        Assert.DoesNotContain(deployed.Mocks.Invoked, call => call.Token == ListHostKeys);
    }

    [Fact]
    public async Task SecondStage_DeliversBlobCreatedUnderTrainingDataToTheBlobExtensionWebhook()
    {
        var settings = PlatformDeployment.StackSettings("dev") with { EventSubscription = true };

        var deployed = await PlatformDeployment.RunAsync("dev", settings);

        var app = (string)deployed.Single(AzureTypes.WebApp).Inputs["name"];
        var subscription = deployed.Single(AzureTypes.SystemTopicEventSubscription).Inputs;
        var destination = Bag.Map(subscription["destination"]);
        var filter = Bag.Map(subscription["filter"]);
        Assert.Equal((string)deployed.Single(AzureTypes.SystemTopic).Inputs["systemTopicName"], subscription["systemTopicName"]);
        Assert.Equal("WebHook", destination["endpointType"]);
        Assert.Equal(
            BlobTriggerWebhook.EndpointUrl($"{app}.azurewebsites.net", FunctionNames.StartTrainingOnUpload, AzureMocks.BlobsExtensionKey),
            destination["endpointUrl"]);
        Assert.Equal("/blobServices/default/containers/training-data/", filter["subjectBeginsWith"]);
        Assert.Equal(new object[] { "Microsoft.Storage.BlobCreated" }, Bag.List(filter["includedEventTypes"]));

        var hostKeys = Assert.Single(deployed.Mocks.Invoked, call => call.Token == ListHostKeys);
        Assert.Equal(app, hostKeys.Args["name"]);
    }

    [Fact]
    public async Task SecondStage_BeforeTheCodeIsDeployed_FailsNamingTheMissingKey()
    {
        var settings = PlatformDeployment.StackSettings("dev") with { EventSubscription = true };

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            PlatformDeployment.RunAsync("dev", settings, new AzureMocks { HostHasBlobsExtensionKey = false }));

        Assert.Contains(BlobTriggerWebhook.SystemKeyName, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// deploy.yml keeps the subscription in stage 1 whenever the stack's state holds a resource of the subscription's
    /// type: that type must be the one the program registers, or every update would remove the subscription.
    /// </summary>
    [Fact]
    public async Task DeployWorkflow_LooksForTheResourceTypeTheProgramRegistersForTheSubscription()
    {
        var settings = PlatformDeployment.StackSettings("dev") with { EventSubscription = true };
        var workflow = File.ReadAllText(RepositoryFiles.PathOf(".github", "workflows", "deploy.yml"));

        var deployed = await PlatformDeployment.RunAsync("dev", settings);

        var subscription = Assert.Single(deployed.Mocks.Registered, r => r.Name == BlobEventSubscription.SubscriptionName);
        Assert.Contains($"SUBSCRIPTION_TYPE: {subscription.Type}", workflow, StringComparison.Ordinal);
    }
}
