using System.Text.RegularExpressions;
using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;

namespace MlopsServerless.Configuration.Tests;

/// <summary>The names .github/workflows/deploy.yml shares with infra/ and the app, checked where they are defined.</summary>
public partial class DeployWorkflowTests
{
    static readonly string Workflow = File.ReadAllText(RepositoryFiles.PathOf(".github", "workflows", "deploy.yml"));

    /// <summary>Steps that run Pulumi: their outputs are the stack outputs.</summary>
    static readonly string[] PulumiSteps = ["previous", "infra"];

    [Fact]
    public void Workflow_ReadsOnlyStackOutputsInfraExports()
    {
        var read = StepOutput().Matches(Workflow)
            .Where(m => PulumiSteps.Contains(m.Groups["step"].Value))
            .Select(m => m.Groups["output"].Value)
            .Distinct()
            .ToList();

        Assert.NotEmpty(read);
        Assert.All(read, output => Assert.Contains(output, DeploymentOutputs.All));
    }

    [Fact]
    public void Workflow_SwitchesTheSecondStageWithTheProgramsConfigKey() =>
        Assert.Contains($"\"{DeploymentSettings.Keys.EventSubscription}\":", Workflow, StringComparison.Ordinal);

    [Fact]
    public void Workflow_WaitsForTheKeyTheWebhookNeeds() =>
        Assert.Contains($"systemKeys.{BlobTriggerWebhook.SystemKeyName}", Workflow, StringComparison.Ordinal);

    [Fact]
    public void Workflow_DeploysToFlexConsumption() =>
        Assert.Contains("sku: flexconsumption", Workflow, StringComparison.Ordinal);

    [GeneratedRegex(@"steps\.(?<step>[\w-]+)\.outputs\.(?<output>[\w-]+)")]
    private static partial Regex StepOutput();
}
