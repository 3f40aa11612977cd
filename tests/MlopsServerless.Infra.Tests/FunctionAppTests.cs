using System.Reflection;
using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;

namespace MlopsServerless.Infra.Tests;

public class FunctionAppTests
{
    public static TheoryData<string> KeysTheAppReads()
    {
        var keys = typeof(SettingKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(k => k != SettingKeys.StorageConnection)
            .Concat(new PlatformSettings().ToAppSettings().Keys)
            .Append(FunctionAppSettingsBuilder.HostStorageAccountName)
            .Append(FunctionAppSettingsBuilder.ApplicationInsightsConnectionString)
            .Append(FunctionAppSettingsBuilder.ApplicationInsightsAuthenticationString)
            .Distinct();
        return new TheoryData<string>(keys);
    }

    [Theory]
    [MemberData(nameof(KeysTheAppReads))]
    public async Task AppSettings_SetEveryKeyTheAppReads(string key)
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        Assert.Contains(key, deployed.AppSettings().Keys);
    }

    [Fact]
    public async Task AppSettings_AreTheSharedBuildersOutputPlusApplicationInsights()
    {
        var settings = PlatformDeployment.StackSettings("prod");
        var deployed = await PlatformDeployment.RunAsync("prod", settings);
        var expected = FunctionAppSettingsBuilder.Build(
                settings.Platform, PlatformDeployment.Names("prod", settings).StorageAccount, settings.DisableDotnetIsolatedPlaceholder)
            .Append(new(FunctionAppSettingsBuilder.ApplicationInsightsConnectionString, AzureMocks.ApplicationInsightsConnectionString));

        Assert.Equal(expected.OrderBy(s => s.Key), deployed.AppSettings().OrderBy(s => s.Key));
    }

    [Theory]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessSignature")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("sig=")]
    public async Task AppSettings_CarryNoSharedKeyOrSas(string marker)
    {
        var deployed = await PlatformDeployment.RunStackAsync("prod");

        Assert.All(deployed.AppSettings().Values, value => Assert.DoesNotContain(marker, value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AppSettings_CarryNothingFlexConsumptionRejects()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        Assert.Empty(deployed.AppSettings().Keys.Intersect(FunctionAppSettingsBuilder.NotAllowedOnFlexConsumption));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task AppSettings_CommittedStacks_LeaveTheDotnetIsolatedPlaceholderToThePlatform(string stack)
    {
        var deployed = await PlatformDeployment.RunStackAsync(stack);

        Assert.DoesNotContain(FunctionAppSettingsBuilder.UseDotnetIsolatedPlaceholder, deployed.AppSettings().Keys);
    }

    [Fact]
    public async Task AppSettings_StackAsksForThePlaceholderWorkaround_TurnsThePlaceholderOff()
    {
        var config = PlatformDeployment.StackConfig("dev").ToDictionary();
        config[DeploymentSettings.Keys.DisableDotnetIsolatedPlaceholder] = "true";

        var deployed = await PlatformDeployment.RunAsync("dev", DeploymentSettings.FromConfig(StackConfigFile.Lookup(config)));

        Assert.Equal("0", deployed.AppSettings()[FunctionAppSettingsBuilder.UseDotnetIsolatedPlaceholder]);
    }

    [Fact]
    public async Task SiteConfig_CarriesNoNetFrameworkVersion()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        Assert.DoesNotContain("netFrameworkVersion", deployed.SiteConfig().Keys);
    }

    /// <summary>
    /// Flex Consumption rejects several site configuration properties (netFrameworkVersion, linuxFxVersion, ftpsState,
    /// use32BitWorkerProcess, alwaysOn, ...); runtime and scale belong in functionAppConfig. Sending nothing but the
    /// app settings keeps clear of all of them, including defaults an SDK may add.
    /// </summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task SiteConfig_CarriesOnlyTheAppSettings(string stack)
    {
        var deployed = await PlatformDeployment.RunStackAsync(stack);

        Assert.Equal(["appSettings"], deployed.SiteConfig().Keys);
    }

    [Fact]
    public async Task FunctionApp_RunsOnFlexConsumptionLinuxWithASystemAssignedIdentity()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        var plan = deployed.Single(AzureTypes.AppServicePlan).Inputs;
        Assert.Equal("FC1", Bag.Map(plan["sku"])["name"]);
        Assert.Equal("FlexConsumption", Bag.Map(plan["sku"])["tier"]);
        Assert.True((bool)plan["reserved"]);

        var app = deployed.Single(AzureTypes.WebApp).Inputs;
        Assert.Equal("functionapp,linux", app["kind"]);
        Assert.True((bool)app["httpsOnly"]);
        Assert.Equal("SystemAssigned", Bag.Map(app["identity"])["type"]);
        Assert.Equal(AzureMocks.ResourceId(AzureTypes.AppServicePlan, (string)plan["name"]), app["serverFarmId"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task FunctionAppConfig_DeploysFromTheContainerWithTheIdentity_ScaledAsConfigured(string stack)
    {
        var settings = PlatformDeployment.StackSettings(stack);
        var deployed = await PlatformDeployment.RunAsync(stack, settings);

        var config = Bag.Map(deployed.Single(AzureTypes.WebApp).Inputs["functionAppConfig"]);
        var storage = Bag.Map(Bag.Map(config["deployment"])["storage"]);
        var account = PlatformDeployment.Names(stack, settings).StorageAccount;
        Assert.Equal("blobContainer", storage["type"]);
        Assert.Equal($"https://{account}.blob.core.windows.net/{ResourceNames.DeploymentContainer}", storage["value"]);
        Assert.Equal("SystemAssignedIdentity", Bag.Map(storage["authentication"])["type"]);
        Assert.Equal("dotnet-isolated", Bag.Map(config["runtime"])["name"]);
        Assert.Equal("10.0", Bag.Map(config["runtime"])["version"]);
        var scale = Bag.Map(config["scaleAndConcurrency"]);
        Assert.Equal((double)settings.InstanceMemoryMB, scale["instanceMemoryMB"]);
        Assert.Equal((double)settings.MaximumInstanceCount, scale["maximumInstanceCount"]);
    }

    [Fact]
    public async Task ApplicationInsights_IsWorkspaceBasedAndAcceptsEntraAuthenticatedTelemetryOnly()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        var insights = deployed.Single(AzureTypes.ApplicationInsights).Inputs;
        var workspace = deployed.Single(AzureTypes.Workspace).Inputs;
        Assert.True((bool)insights["disableLocalAuth"]);
        Assert.Equal(AzureMocks.ResourceId(AzureTypes.Workspace, (string)workspace["workspaceName"]), insights["workspaceResourceId"]);
    }
}
