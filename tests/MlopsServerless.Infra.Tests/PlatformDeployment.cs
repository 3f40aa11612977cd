using System.Collections.Immutable;
using System.Globalization;
using MlopsServerless.Configuration;
using MlopsServerless.Configuration.Tests.Support;
using Pulumi;
using Pulumi.Testing;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace MlopsServerless.Infra.Tests;

/// <summary>The program run against <see cref="AzureMocks"/>, and what it registered.</summary>
public sealed record Deployed(AzureMocks Mocks, ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)
{
    public IReadOnlyList<MockResourceArgs> All(string type) => Mocks.Registered.Where(r => r.Type == type).ToList();

    public MockResourceArgs Single(string type) => Assert.Single(All(type));

    /// <summary>The Function App's site configuration as sent to the provider.</summary>
    public IReadOnlyDictionary<string, object> SiteConfig() => Bag.Map(Single(AzureTypes.WebApp).Inputs["siteConfig"]);

    public IReadOnlyDictionary<string, string> AppSettings() =>
        Bag.List(SiteConfig()["appSettings"])
            .Select(Bag.Map)
            .ToDictionary(setting => (string)setting["name"], setting => (string)setting["value"]);
}

public static class PlatformDeployment
{
    public static IReadOnlyDictionary<string, string> StackConfig(string stack) =>
        StackConfigFile.Read(RepositoryFiles.StackConfigPath(stack));

    public static DeploymentSettings StackSettings(string stack) =>
        DeploymentSettings.FromConfig(StackConfigFile.Lookup(StackConfig(stack)));

    /// <summary>The names the program derives in the mocks' subscription.</summary>
    public static ResourceNames Names(string stack, DeploymentSettings settings) =>
        ResourceNames.For(settings.NamePrefix, stack, AzureMocks.SubscriptionId);

    public static async Task<Deployed> RunAsync(string stack, DeploymentSettings settings, AzureMocks? mocks = null)
    {
        mocks ??= new AzureMocks();
        var (resources, outputs) = await Deployment.TestAsync(
            mocks,
            new TestOptions { IsPreview = false, ProjectName = "mlops-serverless", StackName = stack },
            () => MlopsPlatform.CreateAsync(stack, settings));
        return new Deployed(mocks, resources, outputs);
    }

    public static Task<Deployed> RunStackAsync(string stack) => RunAsync(stack, StackSettings(stack));

    public static Task<T> GetValueAsync<T>(this Output<T> output)
    {
        var value = new TaskCompletionSource<T>();
        output.Apply(v =>
        {
            value.SetResult(v);
            return v;
        });
        return value.Task;
    }
}

/// <summary>Reading the property bags the mocks receive (maps, lists, strings, doubles, booleans).</summary>
public static class Bag
{
    public static IReadOnlyDictionary<string, object> Map(object value) => Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(value);

    public static IReadOnlyList<object> List(object value) => Assert.IsAssignableFrom<IEnumerable<object>>(value).ToList();

    /// <summary>Every leaf as <c>path = text</c>, numbers in invariant culture.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Flatten(string path, object? value) => value switch
    {
        null => [],
        string text => [new(path, text)],
        bool flag => [new(path, flag ? "true" : "false")],
        double number => [new(path, number.ToString(CultureInfo.InvariantCulture))],
        IReadOnlyDictionary<string, object> map => map.SelectMany(pair => Flatten($"{path}.{pair.Key}", pair.Value)),
        IEnumerable<object> list => list.SelectMany((item, index) => Flatten($"{path}[{index}]", item)),
        _ => [new(path, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")],
    };
}
