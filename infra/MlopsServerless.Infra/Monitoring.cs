using Pulumi;
using Pulumi.AzureNative.ApplicationInsights;
using Pulumi.AzureNative.OperationalInsights;
using Pulumi.AzureNative.OperationalInsights.Inputs;

namespace MlopsServerless.Infra;

public sealed record MonitoringArgs(
    Input<string> ResourceGroupName,
    Input<string> Location,
    string WorkspaceName,
    string ApplicationInsightsName,
    int RetentionDays);

/// <summary>Log Analytics workspace and a workspace-based Application Insights that accepts Entra-authenticated telemetry only.</summary>
public sealed class Monitoring : ComponentResource
{
    public Output<string> ApplicationInsightsId { get; }
    public Output<string> ApplicationInsightsName { get; }

    /// <summary>Locates the component; not a credential, since local (key) authentication is disabled.</summary>
    public Output<string> ConnectionString { get; }

    public Monitoring(string name, MonitoringArgs args, ComponentResourceOptions? options = null)
        : base("mlops:platform:Monitoring", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };

        var workspace = new Workspace(args.WorkspaceName, new WorkspaceArgs
        {
            WorkspaceName = args.WorkspaceName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Sku = new WorkspaceSkuArgs { Name = WorkspaceSkuNameEnum.PerGB2018 },
            RetentionInDays = args.RetentionDays,
        }, child);

        var insights = new Component(args.ApplicationInsightsName, new ComponentArgs
        {
            ResourceName = args.ApplicationInsightsName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Kind = "web",
            ApplicationType = ApplicationType.Web,
            WorkspaceResourceId = workspace.Id,
            DisableLocalAuth = true,
        }, child);

        ApplicationInsightsId = insights.Id;
        ApplicationInsightsName = insights.Name;
        ConnectionString = insights.ConnectionString;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["applicationInsightsId"] = ApplicationInsightsId,
            ["workspaceId"] = workspace.Id,
        });
    }
}
