using MlopsServerless.Configuration;
using Pulumi;
using Pulumi.AzureNative.Web;
using Pulumi.AzureNative.Web.Inputs;

namespace MlopsServerless.Infra;

public sealed record FunctionAppArgs(
    Input<string> ResourceGroupName,
    Input<string> Location,
    string PlanName,
    string AppName,
    Input<string> DeploymentContainerUrl,
    IReadOnlyDictionary<string, string> AppSettings,
    Input<string> ApplicationInsightsConnectionString,
    int InstanceMemoryMB,
    int MaximumInstanceCount);

/// <summary>
/// The Function App on a Flex Consumption (FC1, Linux) plan: .NET 10 isolated worker, system-assigned identity,
/// package deployed from a blob container that the identity reads, app settings from <see cref="FunctionAppSettingsBuilder"/>.
/// </summary>
public sealed class FunctionApp : ComponentResource
{
    public const string WorkerRuntime = "dotnet-isolated";
    public const string WorkerRuntimeVersion = "10.0";

    public Output<string> Name { get; }
    public Output<string> DefaultHostName { get; }
    public Output<string> PrincipalId { get; }

    public FunctionApp(string name, FunctionAppArgs args, ComponentResourceOptions? options = null)
        : base("mlops:platform:FunctionApp", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };

        var plan = new AppServicePlan(args.PlanName, new AppServicePlanArgs
        {
            Name = args.PlanName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Kind = "functionapp",
            Reserved = true,
            Sku = new SkuDescriptionArgs { Name = "FC1", Tier = "FlexConsumption" },
        }, child);

        var appSettings = new InputList<NameValuePairArgs>();
        foreach (var (key, value) in args.AppSettings)
        {
            appSettings.Add(new NameValuePairArgs { Name = key, Value = value });
        }

        appSettings.Add(new NameValuePairArgs
        {
            Name = FunctionAppSettingsBuilder.ApplicationInsightsConnectionString,
            Value = args.ApplicationInsightsConnectionString,
        });

        var app = new WebApp(args.AppName, new WebAppArgs
        {
            Name = args.AppName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Kind = "functionapp,linux",
            ServerFarmId = plan.Id,
            HttpsOnly = true,
            Identity = new ManagedServiceIdentityArgs { Type = ManagedServiceIdentityType.SystemAssigned },
            SiteConfig = FlexConsumptionSiteConfig(appSettings),
            FunctionAppConfig = new FunctionAppConfigArgs
            {
                Deployment = new FunctionsDeploymentArgs
                {
                    Storage = new FunctionsDeploymentStorageArgs
                    {
                        Type = FunctionsDeploymentStorageType.BlobContainer,
                        Value = args.DeploymentContainerUrl,
                        Authentication = new FunctionsDeploymentStorageAuthenticationArgs
                        {
                            Type = AuthenticationType.SystemAssignedIdentity,
                        },
                    },
                },
                Runtime = new FunctionsRuntimeArgs { Name = WorkerRuntime, Version = WorkerRuntimeVersion },
                ScaleAndConcurrency = new FunctionsScaleAndConcurrencyArgs
                {
                    InstanceMemoryMB = args.InstanceMemoryMB,
                    MaximumInstanceCount = args.MaximumInstanceCount,
                },
            },
        }, child);

        Name = app.Name;
        DefaultHostName = app.DefaultHostName;
        PrincipalId = app.Identity.Apply(identity => identity?.PrincipalId
            ?? throw new InvalidOperationException($"Function App {args.AppName} has no system-assigned identity."));

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["name"] = Name,
            ["defaultHostName"] = DefaultHostName,
            ["principalId"] = PrincipalId,
        });
    }

    /// <summary>
    /// Only the app settings. The <see cref="SiteConfigArgs"/> constructor fills in defaults (NetFrameworkVersion "v4.6",
    /// Http20Enabled, LocalMySqlEnabled) that Flex Consumption rejects ("The following site configuration property
    /// (Site.SiteConfig.NetFrameworkVersion) for Flex Consumption sites is invalid", pulumi/pulumi-azure-native#4168),
    /// so they are cleared; the runtime and scale live in functionAppConfig instead.
    /// </summary>
    static SiteConfigArgs FlexConsumptionSiteConfig(InputList<NameValuePairArgs> appSettings) => new()
    {
        AppSettings = appSettings,
        NetFrameworkVersion = null,
        Http20Enabled = null,
        LocalMySqlEnabled = null,
    };
}
