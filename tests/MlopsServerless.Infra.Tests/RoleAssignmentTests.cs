namespace MlopsServerless.Infra.Tests;

public class RoleAssignmentTests
{
    static string RoleDefinition(string role) =>
        $"/subscriptions/{AzureMocks.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{role}";

    [Fact]
    public async Task Assignments_GrantTheAppsIdentityExactlyItsRoles()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        var assignments = deployed.All(AzureTypes.RoleAssignment).Select(a => a.Inputs)
            .Where(a => (string)a["principalId"] == AzureMocks.AppPrincipalId)
            .ToList();
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", a["principalType"]));

        var storage = AzureMocks.ResourceId(AzureTypes.StorageAccount, (string)deployed.Single(AzureTypes.StorageAccount).Inputs["accountName"]);
        var insights = AzureMocks.ResourceId(AzureTypes.ApplicationInsights, (string)deployed.Single(AzureTypes.ApplicationInsights).Inputs["resourceName"]);
        var expected = new[]
        {
            (Role: RoleDefinition("b7e6dc6d-f1e8-4753-8033-0f276bb0955b"), Scope: storage),   // Storage Blob Data Owner
            (Role: RoleDefinition("974c5e8b-45b9-4653-ba55-5f855dd0fb88"), Scope: storage),   // Storage Queue Data Contributor
            (Role: RoleDefinition("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"), Scope: storage),   // Storage Table Data Contributor
            (Role: RoleDefinition("3913510d-42f4-4e42-8a64-420c390055eb"), Scope: insights),  // Monitoring Metrics Publisher
        };
        Assert.Equal(
            expected.Order(),
            assignments.Select(a => (Role: (string)a["roleDefinitionId"], Scope: (string)a["scope"])).Order());
    }

    [Fact]
    public async Task Assignments_LetTheDeployingIdentityReadAndWriteBlobsOnly_ForTheSmokeTest()
    {
        var deployed = await PlatformDeployment.RunStackAsync("dev");

        var others = deployed.All(AzureTypes.RoleAssignment).Select(a => a.Inputs)
            .Where(a => (string)a["principalId"] != AzureMocks.AppPrincipalId)
            .ToList();
        var deployer = Assert.Single(others);
        var storage = AzureMocks.ResourceId(AzureTypes.StorageAccount, (string)deployed.Single(AzureTypes.StorageAccount).Inputs["accountName"]);
        Assert.Equal(AzureMocks.DeployerObjectId, deployer["principalId"]);
        Assert.Equal(RoleDefinition("ba92f5b4-2d11-453d-a403-e96b0029c9fe"), deployer["roleDefinitionId"]);   // Storage Blob Data Contributor
        Assert.Equal(storage, deployer["scope"]);
        Assert.False(deployer.ContainsKey("principalType"));
    }

    [Fact]
    public void Roles_AreTheBuiltInIds() =>
        Assert.Equal(
            new[]
            {
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "3913510d-42f4-4e42-8a64-420c390055eb",
            },
            new[]
            {
                RoleAssignments.Roles.StorageBlobDataOwner, RoleAssignments.Roles.StorageBlobDataContributor,
                RoleAssignments.Roles.StorageQueueDataContributor, RoleAssignments.Roles.StorageTableDataContributor,
                RoleAssignments.Roles.MonitoringMetricsPublisher,
            });
}
