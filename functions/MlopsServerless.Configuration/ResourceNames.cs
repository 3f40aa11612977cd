using System.Security.Cryptography;
using System.Text;

namespace MlopsServerless.Configuration;

/// <summary>
/// Azure resource names of one environment: <c>{type}-{prefix}-{stack}-{suffix}</c> (the storage account without
/// hyphens), where the suffix is a short hash of the subscription and the stack. The same environment always gets the
/// same names, and two deployments that keep the same prefix in other subscriptions do not collide on the global names
/// (storage account, function app host name). The stack part is shortened where a name would exceed its limit.
/// </summary>
public sealed record ResourceNames(
    string ResourceGroup,
    string StorageAccount,
    string LogAnalyticsWorkspace,
    string ApplicationInsights,
    string AppServicePlan,
    string FunctionApp,
    string EventGridSystemTopic)
{
    /// <summary>Blob container the Flex Consumption plan deploys the app package from (not used by the app itself).</summary>
    public const string DeploymentContainer = "app-package";

    /// <summary>Characters of the subscription-and-stack hash at the end of every name.</summary>
    public const int SuffixLength = 6;

    /// <summary>Storage account names: 3-24 lowercase letters and digits, unique across Azure.</summary>
    public const int StorageAccountMaxLength = 24;

    public const int ResourceGroupMaxLength = 90;
    public const int LogAnalyticsWorkspaceMaxLength = 63;
    public const int ApplicationInsightsMaxLength = 260;
    public const int AppServicePlanMaxLength = 60;

    /// <summary>
    /// Azure allows 60, but the Functions host derives its host ID from the first 32 characters of the app name: kept
    /// whole, two apps can never share a host ID, even on one storage account.
    /// </summary>
    public const int FunctionAppMaxLength = 32;

    public const int EventGridSystemTopicMaxLength = 128;

    /// <exception cref="ArgumentException">The stack name has no letter or digit, or the prefix leaves no room for it.</exception>
    public static ResourceNames For(string namePrefix, string stackName, string subscriptionId)
    {
        var stack = LettersAndDigits(stackName);
        if (stack.Length == 0)
        {
            throw new ArgumentException($"Stack name '{stackName}' has no letter or digit.", nameof(stackName));
        }

        var suffix = Suffix(subscriptionId, stackName);
        string Name(string type, int maxLength, string separator = "-") => Compose(type, namePrefix, stack, suffix, separator, maxLength);

        return new ResourceNames(
            ResourceGroup: Name("rg", ResourceGroupMaxLength),
            StorageAccount: Name("st", StorageAccountMaxLength, separator: ""),
            LogAnalyticsWorkspace: Name("log", LogAnalyticsWorkspaceMaxLength),
            ApplicationInsights: Name("appi", ApplicationInsightsMaxLength),
            AppServicePlan: Name("plan", AppServicePlanMaxLength),
            FunctionApp: Name("func", FunctionAppMaxLength),
            EventGridSystemTopic: Name("evgt", EventGridSystemTopicMaxLength));
    }

    /// <summary>The first <see cref="SuffixLength"/> hex digits of SHA-256 over the subscription id and the stack name.</summary>
    public static string Suffix(string subscriptionId, string stackName)
    {
        if (string.IsNullOrWhiteSpace(subscriptionId))
        {
            throw new ArgumentException("A subscription id is required to derive the name suffix.", nameof(subscriptionId));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{subscriptionId.Trim().ToLowerInvariant()}/{stackName}"));
        return Convert.ToHexStringLower(hash)[..SuffixLength];
    }

    /// <summary>Every name, for code that needs to find them in text (tests normalise environments with it).</summary>
    public IReadOnlyDictionary<string, string> All => new Dictionary<string, string>
    {
        [nameof(ResourceGroup)] = ResourceGroup,
        [nameof(StorageAccount)] = StorageAccount,
        [nameof(LogAnalyticsWorkspace)] = LogAnalyticsWorkspace,
        [nameof(ApplicationInsights)] = ApplicationInsights,
        [nameof(AppServicePlan)] = AppServicePlan,
        [nameof(FunctionApp)] = FunctionApp,
        [nameof(EventGridSystemTopic)] = EventGridSystemTopic,
    };

    static string Compose(string type, string prefix, string stack, string suffix, string separator, int maxLength)
    {
        var room = maxLength - (type.Length + prefix.Length + suffix.Length + 3 * separator.Length);
        if (room < 1)
        {
            throw new ArgumentException($"Name prefix '{prefix}' leaves no room for the stack in a {type} name of at most {maxLength} characters.");
        }

        return string.Join(separator, type, prefix, stack.Length <= room ? stack : stack[..room], suffix);
    }

    static string LettersAndDigits(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
