using System.Text.RegularExpressions;

namespace MlopsServerless.Configuration.Tests.Support;

/// <summary>
/// Azure's naming rules (length and characters) for the resources of <c>ResourceNames</c>, keyed by its property
/// names; from "Naming rules and restrictions for Azure resources" (learn.microsoft.com). Written out here, apart from
/// the code under test, so a name that Azure would reject fails a test.
/// </summary>
public static class AzureNameRules
{
    public static IReadOnlyDictionary<string, Regex> ByResource { get; } = new Dictionary<string, Regex>
    {
        // Microsoft.Resources/resourceGroups: 1-90; letters, digits, underscores, periods, hyphens, parentheses; no trailing period.
        ["ResourceGroup"] = new(@"^[\w.()-]{0,89}[\w()-]$"),
        // Microsoft.Storage/storageAccounts: 3-24 lowercase letters and digits (global).
        ["StorageAccount"] = new("^[a-z0-9]{3,24}$"),
        // Microsoft.OperationalInsights/workspaces: 4-63 letters, digits and hyphens; starts and ends with a letter or digit.
        ["LogAnalyticsWorkspace"] = new("^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$"),
        // Microsoft.Insights/components: 1-260, none of %&\?/, no trailing space or period.
        ["ApplicationInsights"] = new(@"^[^%&\\?/]{0,259}[^%&\\?/ .]$"),
        // Microsoft.Web/serverfarms: 1-60 letters, digits and hyphens.
        ["AppServicePlan"] = new("^[A-Za-z0-9-]{1,60}$"),
        // Microsoft.Web/sites: 2-60 letters, digits and hyphens; no leading or trailing hyphen (global host name).
        ["FunctionApp"] = new("^[A-Za-z0-9][A-Za-z0-9-]{0,58}[A-Za-z0-9]$"),
        // Microsoft.EventGrid/systemTopics: 3-128 letters, digits and hyphens.
        ["EventGridSystemTopic"] = new("^[A-Za-z0-9-]{3,128}$"),
    };
}
