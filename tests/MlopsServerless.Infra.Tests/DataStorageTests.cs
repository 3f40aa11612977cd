using MlopsServerless.Configuration;

namespace MlopsServerless.Infra.Tests;

public class DataStorageTests
{
    [Fact]
    public async Task StorageAccount_ForbidsPublicBlobsSharedKeysAndOldTls()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        var account = deployed.Single(AzureTypes.StorageAccount).Inputs;
        Assert.False((bool)account["allowBlobPublicAccess"]);
        Assert.False((bool)account["allowSharedKeyAccess"]);
        Assert.True((bool)account["enableHttpsTrafficOnly"]);
        Assert.Equal("TLS1_2", account["minimumTlsVersion"]);
        Assert.Equal("StorageV2", account["kind"]);
    }

    [Fact]
    public async Task Containers_AreExactlyTheAppsPlusTheDeploymentContainer_NonePublic()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        var containers = deployed.All(AzureTypes.BlobContainer);
        Assert.Equal(
            StorageNames.Containers.All.Append(ResourceNames.DeploymentContainer).Order(),
            containers.Select(c => (string)c.Inputs["containerName"]).Order());
        Assert.All(containers, c => Assert.Equal("None", c.Inputs["publicAccess"]));
    }

    [Fact]
    public async Task Tables_AreExactlyTheApps()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        Assert.Equal(
            StorageNames.Tables.All.Order(),
            deployed.All(AzureTypes.Table).Select(t => (string)t.Inputs["tableName"]).Order());
    }

    [Fact]
    public async Task ContainersAndTables_BelongToTheAccount()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        var account = (string)deployed.Single(AzureTypes.StorageAccount).Inputs["accountName"];
        Assert.All(
            deployed.All(AzureTypes.BlobContainer).Concat(deployed.All(AzureTypes.Table)),
            child => Assert.Equal(account, child.Inputs["accountName"]));
    }
}
