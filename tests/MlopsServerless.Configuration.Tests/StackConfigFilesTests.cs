using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;

namespace MlopsServerless.Configuration.Tests;

/// <summary>The committed stack files (infra/Pulumi.&lt;stack&gt;.yaml) against the settings contract.</summary>
public class StackConfigFilesTests
{
    public static TheoryData<string> Stacks() => new("dev", "prod");

    static IReadOnlyDictionary<string, string> Read(string stack) => StackConfigFile.Read(RepositoryFiles.StackConfigPath(stack));

    [Theory]
    [MemberData(nameof(Stacks))]
    public void StackFile_GivesValidSettings(string stack)
    {
        var settings = DeploymentSettings.FromConfig(StackConfigFile.Lookup(Read(stack)));

        var names = ResourceNames.For(settings.NamePrefix, stack, "00000000-0000-0000-0000-000000000001").All;
        Assert.All(names, name => Assert.Matches(AzureNameRules.ByResource[name.Key], name.Value));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void StackFile_SetsOnlyKeysTheProgramReads(string stack) =>
        Assert.All(Read(stack).Keys, key => Assert.Contains(key, DeploymentSettings.Keys.All));

    [Theory]
    [MemberData(nameof(Stacks))]
    public void StackFile_KeepsTheEventSubscriptionInSteadyState(string stack) =>
        Assert.True(DeploymentSettings.FromConfig(StackConfigFile.Lookup(Read(stack))).EventSubscription);

    [Fact]
    public void DevAndProd_SetTheSameKeys_SoNeitherSilentlyFallsBackToADefault() =>
        Assert.Equal(Read("dev").Keys.Order(), Read("prod").Keys.Order());

    [Fact]
    public void Prod_ScalesFurtherAndKeepsLogsLongerThanDev()
    {
        var dev = DeploymentSettings.FromConfig(StackConfigFile.Lookup(Read("dev")));
        var prod = DeploymentSettings.FromConfig(StackConfigFile.Lookup(Read("prod")));

        Assert.True(prod.MaximumInstanceCount > dev.MaximumInstanceCount);
        Assert.True(prod.LogRetentionDays > dev.LogRetentionDays);
    }

    [Fact]
    public void ProjectFile_PointsAtTheInfraProgramAndItsStackFiles()
    {
        var project = File.ReadAllLines(RepositoryFiles.PathOf("Pulumi.yaml"));

        Assert.Contains("runtime: dotnet", project);
        Assert.Contains("stackConfigDir: infra/", project);
        var main = Assert.Single(project, line => line.StartsWith("main: ", StringComparison.Ordinal))["main: ".Length..];
        Assert.True(File.Exists(RepositoryFiles.PathOf(main, "MlopsServerless.Infra.csproj")), main);
    }
}
