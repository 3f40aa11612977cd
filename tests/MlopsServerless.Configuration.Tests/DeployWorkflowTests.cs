using System.Globalization;
using System.Text.RegularExpressions;
using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;

namespace MlopsServerless.Configuration.Tests;

/// <summary>.github/workflows/deploy.yml: the names it shares with infra/ and the app, and how it handles first deploys.</summary>
public partial class DeployWorkflowTests
{
    static readonly string Workflow = File.ReadAllText(RepositoryFiles.PathOf(".github", "workflows", "deploy.yml"));

    /// <summary>Steps that run Pulumi: their outputs are the stack outputs.</summary>
    static readonly string[] PulumiSteps = ["infra"];

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
    public void Bootstrap_DecidesTheFirstStageFromTheStacksState()
    {
        var bootstrap = Step("bootstrap");

        Assert.Contains("pulumi stack export", bootstrap, StringComparison.Ordinal);
        Assert.Contains("steps.bootstrap.outputs.eventSubscription", Workflow, StringComparison.Ordinal);
    }

    /// <summary>A transient error must fail the job, never turn into "eventSubscription=false" (which deletes the subscription).</summary>
    [Theory]
    [InlineData("continue-on-error")]
    [InlineData("2>/dev/null")]
    [InlineData("|| true")]
    [InlineData("functionapp keys list")]
    public void Bootstrap_SwallowsNoError(string marker) =>
        Assert.DoesNotContain(marker, Step("bootstrap"), StringComparison.Ordinal);

    [Fact]
    public void Workflow_ContinuesOnNoError() =>
        Assert.DoesNotContain("continue-on-error", Workflow, StringComparison.Ordinal);

    [Fact]
    public void CodeDeploy_IsFlexConsumptionsOneDeploy_RetriedForAboutTenMinutes()
    {
        var retry = Assert.Single(RetriedCodeDeploy().Matches(Workflow));

        Assert.InRange(int.Parse(retry.Groups["budget"].Value, CultureInfo.InvariantCulture), 540, 720);
        Assert.True(File.Exists(RepositoryFiles.PathOf("scripts", "retry.sh")));
    }

    [Fact]
    public void SmokeTest_RunsTheRepositorysScriptAgainstTheDeployedApp()
    {
        Assert.Contains("bash scripts/smoke-deployed.sh", Workflow, StringComparison.Ordinal);
        Assert.Contains($"steps.infra.outputs.{DeploymentOutputs.StorageAccountName}", Workflow, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryFiles.PathOf("scripts", "smoke-deployed.sh")));
    }

    /// <summary>The text of the step with the given id, up to the next step.</summary>
    static string Step(string id)
    {
        var lines = Workflow.Split('\n');
        var idLine = Array.FindIndex(lines, line => line.Trim() == $"id: {id}");
        Assert.True(idLine >= 0, $"deploy.yml has no step with id '{id}'.");
        var start = Array.FindLastIndex(lines, idLine, line => line.StartsWith("      - ", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, idLine, line => line.StartsWith("      - ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    [GeneratedRegex(@"steps\.(?<step>[\w-]+)\.outputs\.(?<output>[\w-]+)")]
    private static partial Regex StepOutput();

    [GeneratedRegex(@"bash scripts/retry\.sh (?<budget>\d+)\s*\\?\s*az functionapp deployment source config-zip")]
    private static partial Regex RetriedCodeDeploy();
}
