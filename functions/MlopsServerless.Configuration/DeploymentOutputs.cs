namespace MlopsServerless.Configuration;

/// <summary>Stack output names of infra/, read by .github/workflows/deploy.yml as <c>steps.&lt;id&gt;.outputs.&lt;name&gt;</c>.</summary>
public static class DeploymentOutputs
{
    public const string FunctionAppName = "functionAppName";
    public const string DefaultHostName = "defaultHostName";
    public const string StorageAccountName = "storageAccountName";
    public const string ResourceGroupName = "resourceGroupName";

    /// <summary>Where the post-deploy smoke test reads the app's recent errors when it fails.</summary>
    public const string ApplicationInsightsName = "applicationInsightsName";

    public static IReadOnlyList<string> All { get; } =
        [FunctionAppName, DefaultHostName, StorageAccountName, ResourceGroupName, ApplicationInsightsName];
}
