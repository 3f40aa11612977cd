using System.Text;

namespace MlopsServerless.Configuration;

/// <summary>Azure resource names of one environment, derived from the stack's name prefix and the stack name.</summary>
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

    /// <summary>Storage account names: 3-24 lowercase letters and digits, unique across Azure.</summary>
    public const int StorageAccountMaxLength = 24;

    public static ResourceNames For(string namePrefix, string stackName)
    {
        var stack = LettersAndDigits(stackName);
        if (stack.Length == 0)
        {
            throw new ArgumentException($"Stack name '{stackName}' has no letter or digit.", nameof(stackName));
        }

        var storage = $"st{namePrefix}{stack}";
        return new ResourceNames(
            ResourceGroup: $"rg-{namePrefix}-{stack}",
            StorageAccount: storage.Length <= StorageAccountMaxLength ? storage : storage[..StorageAccountMaxLength],
            LogAnalyticsWorkspace: $"log-{namePrefix}-{stack}",
            ApplicationInsights: $"appi-{namePrefix}-{stack}",
            AppServicePlan: $"plan-{namePrefix}-{stack}",
            FunctionApp: $"func-{namePrefix}-{stack}",
            EventGridSystemTopic: $"evgt-{namePrefix}-{stack}");
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
