namespace MlopsServerless.Configuration;

/// <summary>
/// Every app setting of the Function App on Azure except the Application Insights connection string (known only once
/// the component exists). Identity-based throughout: no account key, SAS or connection string with a secret.
/// </summary>
public static class FunctionAppSettingsBuilder
{
    /// <summary>Host storage (Durable task hub, leases, keys) on the same account, through the app's identity.</summary>
    public const string HostStorageAccountName = "AzureWebJobsStorage__accountName";
    public const string HostStorageCredential = "AzureWebJobsStorage__credential";
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Makes the host send telemetry with its Entra identity (the component has local auth disabled).</summary>
    public const string ApplicationInsightsAuthenticationString = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>"0" starts the .NET isolated worker without the platform's pre-warmed placeholder (see
    /// <see cref="DeploymentSettings.Keys.DisableDotnetIsolatedPlaceholder"/>); absent, the platform default applies.</summary>
    public const string UseDotnetIsolatedPlaceholder = "WEBSITE_USE_PLACEHOLDER_DOTNETISOLATED";

    public const string ManagedIdentityCredential = "managedidentity";

    /// <summary>The app's OpenTelemetry goes to Application Insights (with the managed identity).</summary>
    public const string AzureMonitorExporter = "azureMonitor";
    public const string EntraAuthentication = "Authorization=AAD";

    /// <summary>Settings a Flex Consumption app must not carry: runtime and package come from functionAppConfig.</summary>
    public static IReadOnlyList<string> NotAllowedOnFlexConsumption { get; } =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "AzureWebJobsStorage",
    ];

    /// <param name="disableDotnetIsolatedPlaceholder">Adds <see cref="UseDotnetIsolatedPlaceholder"/> = 0 (a stack's choice, off by default).</param>
    /// <exception cref="ArgumentException">Two sources define the same key.</exception>
    public static IReadOnlyDictionary<string, string> Build(
        PlatformSettings platform, string storageAccountName, bool disableDotnetIsolatedPlaceholder = false)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in platform.ToAppSettings().Concat(StorageConnectionSettings.ForAccount(storageAccountName)))
        {
            settings.Add(key, value);
        }

        settings.Add(HostStorageAccountName, storageAccountName);
        settings.Add(HostStorageCredential, ManagedIdentityCredential);
        settings.Add(ApplicationInsightsAuthenticationString, EntraAuthentication);
        settings.Add(SettingKeys.TelemetryExporter, AzureMonitorExporter);
        if (disableDotnetIsolatedPlaceholder)
        {
            settings.Add(UseDotnetIsolatedPlaceholder, "0");
        }

        return settings;
    }
}
