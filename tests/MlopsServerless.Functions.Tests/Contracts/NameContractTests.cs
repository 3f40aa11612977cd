using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Configuration;

namespace MlopsServerless.Functions.Tests.Contracts;

/// <summary>
/// Everything the app reads by name (containers, tables, settings, the Event Grid-fed function) is in the one shared
/// definition that infra/ provisions from. The Pulumi mock tests (pipeline only) check that infra provisions all of it.
/// </summary>
public sealed partial class NameContractTests
{
    static readonly IReadOnlyDictionary<string, string> InfraAppSettings =
        FunctionAppSettingsBuilder.Build(new PlatformSettings(), "stmlopsdev");

    [Fact]
    public void StorageNames_EveryDeclaredContainerAndTable_IsInTheProvisionedLists()
    {
        Assert.Equal(ConstantsOf(typeof(StorageNames.Containers)).Order(), StorageNames.Containers.All.Order());
        Assert.Equal(ConstantsOf(typeof(StorageNames.Tables)).Order(), StorageNames.Tables.All.Order());
    }

    [Fact]
    public void BlobTriggers_WatchProvisionedContainers_ThroughTheIdentityBasedConnection()
    {
        var triggers = FunctionBindings.Triggers<BlobTriggerAttribute>().ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, t =>
        {
            Assert.Contains(t.Trigger.BlobPath.Split('/')[0], StorageNames.Containers.All);
            Assert.Equal(SettingKeys.StorageConnection, t.Trigger.Connection);
            Assert.Contains($"{t.Trigger.Connection}__blobServiceUri", InfraAppSettings.Keys);
            Assert.Contains($"{t.Trigger.Connection}__queueServiceUri", InfraAppSettings.Keys);
        });
    }

    [Fact]
    public void EventGridBlobTrigger_IsTheFunctionInfraSubscribesTo()
    {
        (string function, BlobTriggerAttribute trigger) = Assert.Single(FunctionBindings.Triggers<BlobTriggerAttribute>());

        Assert.Equal(FunctionNames.StartTrainingOnUpload, function);
        Assert.Equal(BlobTriggerSource.EventGrid, trigger.Source);
    }

    [Fact]
    public void SettingExpressions_InTriggersAndHostJson_AreWrittenByInfra()
    {
        string hostJson = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json"));
        IEnumerable<string> expressions = FunctionBindings.Triggers<TimerTriggerAttribute>().Select(t => t.Trigger.Schedule)
            .Concat(FunctionBindings.Triggers<HttpTriggerAttribute>().Select(t => t.Trigger.Route ?? string.Empty))
            .Append(JsonNode.Parse(hostJson)!.ToJsonString());

        string[] settings = expressions.SelectMany(e => SettingExpression().Matches(e).Select(m => m.Groups[1].Value)).Distinct().ToArray();

        Assert.Contains(SettingKeys.DriftSchedule, settings);
        Assert.Contains(SettingKeys.TaskHub, settings);
        Assert.All(settings, key => Assert.Contains(key, InfraAppSettings.Keys));
    }

    [Fact]
    public void OptionsKeys_EveryKeyTheAppBinds_IsWrittenByInfra()
    {
        string[] keys = typeof(CoreServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetProperties())
            .Select(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)
            .OfType<string>()
            .ToArray();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(key, InfraAppSettings.Keys));
    }

    static IEnumerable<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingExpression();
}
