using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;

namespace MlopsServerless.Infra.Tests;

public class ResourceNamingTests
{
    /// <summary>Per named resource type: the input that carries its Azure name, and the <see cref="ResourceNames"/> rule it follows.</summary>
    static readonly IReadOnlyDictionary<string, (string Input, string Rule)> NamedTypes = new Dictionary<string, (string, string)>
    {
        [AzureTypes.ResourceGroup] = ("resourceGroupName", nameof(ResourceNames.ResourceGroup)),
        [AzureTypes.StorageAccount] = ("accountName", nameof(ResourceNames.StorageAccount)),
        [AzureTypes.Workspace] = ("workspaceName", nameof(ResourceNames.LogAnalyticsWorkspace)),
        [AzureTypes.ApplicationInsights] = ("resourceName", nameof(ResourceNames.ApplicationInsights)),
        [AzureTypes.AppServicePlan] = ("name", nameof(ResourceNames.AppServicePlan)),
        [AzureTypes.WebApp] = ("name", nameof(ResourceNames.FunctionApp)),
        [AzureTypes.SystemTopic] = ("systemTopicName", nameof(ResourceNames.EventGridSystemTopic)),
    };

    [Theory]
    [InlineData("dev", "mlopsdemo")]
    [InlineData("prod", "mlopsdemo")]
    [InlineData("production-europe-west-with-a-long-stack-name-01", "abcdefghijkl")]
    public async Task EveryNamedResource_HasANameAzureAccepts_EndingWithTheSubscriptionAndStackSuffix(string stack, string prefix)
    {
        var settings = PlatformDeployment.StackSettings("dev") with { NamePrefix = prefix };
        var suffix = ResourceNames.Suffix(AzureMocks.SubscriptionId, stack);

        var deployed = await PlatformDeployment.RunAsync(stack, settings);

        Assert.All(NamedTypes, named =>
        {
            var name = (string)deployed.Single(named.Key).Inputs[named.Value.Input];
            Assert.Matches(AzureNameRules.ByResource[named.Value.Rule], name);
            Assert.EndsWith(suffix, name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task GlobalNames_DifferBetweenSubscriptions_ForTheSamePrefixAndStack()
    {
        var settings = PlatformDeployment.StackSettings("dev");

        var here = await PlatformDeployment.RunAsync("dev", settings);
        var elsewhere = await PlatformDeployment.RunAsync("dev", settings, new AzureMocks { ClientSubscriptionId = "00000000-0000-0000-0000-0000000000ff" });

        Assert.NotEqual(here.Single(AzureTypes.StorageAccount).Inputs["accountName"], elsewhere.Single(AzureTypes.StorageAccount).Inputs["accountName"]);
        Assert.NotEqual(here.Single(AzureTypes.WebApp).Inputs["name"], elsewhere.Single(AzureTypes.WebApp).Inputs["name"]);
    }
}
