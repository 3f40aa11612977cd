using MlopsServerless.Configuration;
using Pulumi;

namespace MlopsServerless.Infra.Tests;

public class StackTests
{
    [Fact]
    public async Task Outputs_AreTheNamesTheDeployWorkflowReads()
    {
        var settings = PlatformDeployment.StackSettings("prod");
        var names = PlatformDeployment.Names("prod", settings);

        var deployed = await PlatformDeployment.RunAsync("prod", settings);

        Assert.Equal(DeploymentOutputs.All.Order(), deployed.Outputs.Keys.Order());
        Assert.Equal(names.FunctionApp, await OutputValue(deployed, DeploymentOutputs.FunctionAppName));
        Assert.Equal($"{names.FunctionApp}.azurewebsites.net", await OutputValue(deployed, DeploymentOutputs.DefaultHostName));
        Assert.Equal(names.StorageAccount, await OutputValue(deployed, DeploymentOutputs.StorageAccountName));
        Assert.Equal(names.ResourceGroup, await OutputValue(deployed, DeploymentOutputs.ResourceGroupName));
        Assert.Equal(names.ApplicationInsights, await OutputValue(deployed, DeploymentOutputs.ApplicationInsightsName));
    }

    /// <summary>
    /// Runs both committed stacks and compares every input of every resource, with each stack's own resource names
    /// replaced by placeholders: whatever still differs must be a pair of values that differ in the two stack files.
    /// </summary>
    [Fact]
    public async Task DevAndProd_DifferOnlyWhereTheirStackConfigDiffers()
    {
        var (devConfig, prodConfig) = (PlatformDeployment.StackConfig("dev"), PlatformDeployment.StackConfig("prod"));
        var dev = await Snapshot("dev");
        var prod = await Snapshot("prod");

        Assert.Equal(dev.Keys.Order(), prod.Keys.Order());
        var differences = dev.Where(p => prod[p.Key] != p.Value).Select(p => (Dev: (string?)p.Value, Prod: (string?)prod[p.Key])).ToList();
        var configured = devConfig.Keys.Union(prodConfig.Keys)
            .Select(key => (Dev: devConfig.GetValueOrDefault(key), Prod: prodConfig.GetValueOrDefault(key)))
            .Where(pair => pair.Dev != pair.Prod)
            .ToHashSet();
        Assert.NotEmpty(differences);
        Assert.All(differences, difference => Assert.Contains(difference, configured));
    }

    static async Task<Dictionary<string, string>> Snapshot(string stack)
    {
        var settings = PlatformDeployment.StackSettings(stack);
        var names = PlatformDeployment.Names(stack, settings).All.OrderByDescending(n => n.Value.Length).ToList();
        string Normalise(string text) => names.Aggregate(text, (t, name) => t.Replace(name.Value, $"{{{name.Key}}}", StringComparison.Ordinal));

        var deployed = await PlatformDeployment.RunAsync(stack, settings);
        return deployed.Mocks.Registered
            .SelectMany(r => Bag.Flatten($"{r.Type}::{Normalise(r.Name!)}", r.Inputs))
            .ToDictionary(p => Normalise(p.Key), p => Normalise(p.Value));
    }

    static Task<string> OutputValue(Deployed deployed, string name) =>
        Assert.IsAssignableFrom<Output<string>>(deployed.Outputs[name]).GetValueAsync();
}
