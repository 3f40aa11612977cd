using System.Globalization;
using System.Text.RegularExpressions;

namespace MlopsServerless.Configuration;

/// <summary>
/// What one environment (a Pulumi stack) decides, read from its stack config (<c>infra/Pulumi.&lt;stack&gt;.yaml</c>).
/// Platform tunables are set as <c>mlops:&lt;app-setting key&gt;</c>, e.g. <c>mlops:MLOPS_DRIFT_SCHEDULE</c>.
/// </summary>
public sealed partial record DeploymentSettings
{
    /// <summary>Fully qualified stack config keys (<c>namespace:key</c>).</summary>
    public static class Keys
    {
        public const string Namespace = "mlops";
        public const string Location = "azure-native:location";
        public const string NamePrefix = Namespace + ":namePrefix";
        public const string InstanceMemoryMB = Namespace + ":instanceMemoryMB";
        public const string MaximumInstanceCount = Namespace + ":maximumInstanceCount";
        public const string LogRetentionDays = Namespace + ":logRetentionDays";

        /// <summary>Second deployment stage: subscribe the blob trigger to Event Grid (needs the deployed code's key).</summary>
        public const string EventSubscription = Namespace + ":eventSubscription";

        /// <summary>
        /// Workaround for a .NET 10 isolated-worker start-up crash on Flex Consumption (Azure/azure-functions-dotnet-worker#3335):
        /// true sets <see cref="FunctionAppSettingsBuilder.UseDotnetIsolatedPlaceholder"/> to 0, at the cost of slower cold starts.
        /// </summary>
        public const string DisableDotnetIsolatedPlaceholder = Namespace + ":disableDotnetIsolatedPlaceholder";

        public static string AppSetting(string settingKey) => Namespace + ":" + settingKey;

        public static IReadOnlyList<string> All { get; } =
        [
            Location, NamePrefix, InstanceMemoryMB, MaximumInstanceCount, LogRetentionDays, EventSubscription,
            DisableDotnetIsolatedPlaceholder,
            .. PlatformOverrides.Keys.Select(AppSetting),
        ];
    }

    public static IReadOnlyList<int> AllowedInstanceMemoryMB { get; } = [512, 2048, 4096];
    public const int MinMaximumInstanceCount = 40;
    public const int MaxMaximumInstanceCount = 1000;
    public const int MinLogRetentionDays = 30;
    public const int MaxLogRetentionDays = 730;

    public required string Location { get; init; }

    /// <summary>3-12 lowercase letters and digits, starting with a letter; makes the global names unique.</summary>
    public required string NamePrefix { get; init; }

    public int InstanceMemoryMB { get; init; } = 2048;
    public int MaximumInstanceCount { get; init; } = 100;
    public int LogRetentionDays { get; init; } = 30;
    public bool EventSubscription { get; init; }
    public bool DisableDotnetIsolatedPlaceholder { get; init; }
    public PlatformSettings Platform { get; init; } = new();

    /// <param name="get">Value of a fully qualified key, or null when the stack does not set it.</param>
    /// <exception cref="InvalidOperationException">A value is missing, malformed or out of range.</exception>
    public static DeploymentSettings FromConfig(Func<string, string?> get)
    {
        var platform = new PlatformSettings();
        foreach (var (settingKey, apply) in PlatformOverrides)
        {
            if (get(Keys.AppSetting(settingKey)) is { } value)
            {
                platform = apply(platform, value);
            }
        }

        var settings = new DeploymentSettings
        {
            Location = Require(get, Keys.Location),
            NamePrefix = Require(get, Keys.NamePrefix),
            Platform = platform,
        };
        if (get(Keys.InstanceMemoryMB) is { } memory)
        {
            settings = settings with { InstanceMemoryMB = Int(Keys.InstanceMemoryMB, memory) };
        }

        if (get(Keys.MaximumInstanceCount) is { } count)
        {
            settings = settings with { MaximumInstanceCount = Int(Keys.MaximumInstanceCount, count) };
        }

        if (get(Keys.LogRetentionDays) is { } days)
        {
            settings = settings with { LogRetentionDays = Int(Keys.LogRetentionDays, days) };
        }

        if (get(Keys.EventSubscription) is { } flag)
        {
            settings = settings with { EventSubscription = Bool(Keys.EventSubscription, flag) };
        }

        if (get(Keys.DisableDotnetIsolatedPlaceholder) is { } placeholder)
        {
            settings = settings with { DisableDotnetIsolatedPlaceholder = Bool(Keys.DisableDotnetIsolatedPlaceholder, placeholder) };
        }

        settings.Validate();
        return settings;
    }

    void Validate()
    {
        if (!NamePrefixPattern().IsMatch(NamePrefix))
        {
            throw Invalid(Keys.NamePrefix, NamePrefix, "3-12 lowercase letters and digits, starting with a letter");
        }

        if (!AllowedInstanceMemoryMB.Contains(InstanceMemoryMB))
        {
            throw Invalid(Keys.InstanceMemoryMB, InstanceMemoryMB, $"one of {string.Join(", ", AllowedInstanceMemoryMB)}");
        }

        if (MaximumInstanceCount is < MinMaximumInstanceCount or > MaxMaximumInstanceCount)
        {
            throw Invalid(Keys.MaximumInstanceCount, MaximumInstanceCount, $"{MinMaximumInstanceCount}-{MaxMaximumInstanceCount}");
        }

        if (LogRetentionDays is < MinLogRetentionDays or > MaxLogRetentionDays)
        {
            throw Invalid(Keys.LogRetentionDays, LogRetentionDays, $"{MinLogRetentionDays}-{MaxLogRetentionDays}");
        }
    }

    /// <summary>How a stack sets each platform tunable: keyed by its app-setting key.</summary>
    static IReadOnlyDictionary<string, Func<PlatformSettings, string, PlatformSettings>> PlatformOverrides { get; } =
        new Dictionary<string, Func<PlatformSettings, string, PlatformSettings>>
        {
            [SettingKeys.TaskHub] = (p, v) => p with { TaskHub = v },
            [SettingKeys.TrainingSeed] = (p, v) => p with { TrainingSeed = Int(Keys.AppSetting(SettingKeys.TrainingSeed), v) },
            [SettingKeys.TrainingTestFraction] = (p, v) => p with { TrainingTestFraction = Double(Keys.AppSetting(SettingKeys.TrainingTestFraction), v) },
            [SettingKeys.TrainingMinimumRows] = (p, v) => p with { TrainingMinimumRows = Int(Keys.AppSetting(SettingKeys.TrainingMinimumRows), v) },
            [SettingKeys.TrainingMaxMissingFraction] = (p, v) => p with { TrainingMaxMissingFraction = Double(Keys.AppSetting(SettingKeys.TrainingMaxMissingFraction), v) },
            [SettingKeys.TrainingMaxUploadMegabytes] = (p, v) => p with { TrainingMaxUploadMegabytes = Int(Keys.AppSetting(SettingKeys.TrainingMaxUploadMegabytes), v) },
            [SettingKeys.TrainingMissingValues] = (p, v) => p with { TrainingMissingValues = v },
            [SettingKeys.TrainingMaxCategories] = (p, v) => p with { TrainingMaxCategories = Int(Keys.AppSetting(SettingKeys.TrainingMaxCategories), v) },
            [SettingKeys.TrainingMaxCategoryRatio] = (p, v) => p with { TrainingMaxCategoryRatio = Double(Keys.AppSetting(SettingKeys.TrainingMaxCategoryRatio), v) },
            [SettingKeys.TrainingIdentifierRatio] = (p, v) => p with { TrainingIdentifierRatio = Double(Keys.AppSetting(SettingKeys.TrainingIdentifierRatio), v) },
            [SettingKeys.TrainingOneHotMaxCategories] = (p, v) => p with { TrainingOneHotMaxCategories = Int(Keys.AppSetting(SettingKeys.TrainingOneHotMaxCategories), v) },
            [SettingKeys.TrainingCandidates] = (p, v) => p with { TrainingCandidates = Int(Keys.AppSetting(SettingKeys.TrainingCandidates), v) },
            [SettingKeys.TrainingTimeLimitSeconds] = (p, v) => p with { TrainingTimeLimitSeconds = Int(Keys.AppSetting(SettingKeys.TrainingTimeLimitSeconds), v) },
            [SettingKeys.PromotionMinImprovement] = (p, v) => p with { PromotionMinImprovement = Double(Keys.AppSetting(SettingKeys.PromotionMinImprovement), v) },
            [SettingKeys.PredictionMaxRows] = (p, v) => p with { PredictionMaxRows = Int(Keys.AppSetting(SettingKeys.PredictionMaxRows), v) },
            [SettingKeys.PredictionChampionRefreshSeconds] = (p, v) => p with { PredictionChampionRefreshSeconds = Int(Keys.AppSetting(SettingKeys.PredictionChampionRefreshSeconds), v) },
            [SettingKeys.PredictionModelCacheSize] = (p, v) => p with { PredictionModelCacheSize = Int(Keys.AppSetting(SettingKeys.PredictionModelCacheSize), v) },
            [SettingKeys.PredictionLogBufferSize] = (p, v) => p with { PredictionLogBufferSize = Int(Keys.AppSetting(SettingKeys.PredictionLogBufferSize), v) },
            [SettingKeys.PredictionLogFlushMilliseconds] = (p, v) => p with { PredictionLogFlushMilliseconds = Int(Keys.AppSetting(SettingKeys.PredictionLogFlushMilliseconds), v) },
            [SettingKeys.PredictionLiveMetricsWindowHours] = (p, v) => p with { PredictionLiveMetricsWindowHours = Int(Keys.AppSetting(SettingKeys.PredictionLiveMetricsWindowHours), v) },
            [SettingKeys.PredictionShadowShare] = (p, v) => p with { PredictionShadowShare = Double(Keys.AppSetting(SettingKeys.PredictionShadowShare), v) },
            [SettingKeys.DriftSchedule] = (p, v) => p with { DriftSchedule = v },
            [SettingKeys.DriftPsiThreshold] = (p, v) => p with { DriftPsiThreshold = Double(Keys.AppSetting(SettingKeys.DriftPsiThreshold), v) },
            [SettingKeys.DriftMinimumSamples] = (p, v) => p with { DriftMinimumSamples = Int(Keys.AppSetting(SettingKeys.DriftMinimumSamples), v) },
            [SettingKeys.DriftDatasetShare] = (p, v) => p with { DriftDatasetShare = Double(Keys.AppSetting(SettingKeys.DriftDatasetShare), v) },
            [SettingKeys.DriftLogLagSeconds] = (p, v) => p with { DriftLogLagSeconds = Int(Keys.AppSetting(SettingKeys.DriftLogLagSeconds), v) },
            [SettingKeys.DriftHealthMaxDrop] = (p, v) => p with { DriftHealthMaxDrop = Double(Keys.AppSetting(SettingKeys.DriftHealthMaxDrop), v) },
        };

    static string Require(Func<string, string?> get, string key) =>
        get(key) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Stack config '{key}' is required.");

    static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Invalid(key, value, "an integer");

    static double Double(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Invalid(key, value, "a number");

    static bool Bool(string key, string value) =>
        bool.TryParse(value, out var parsed) ? parsed : throw Invalid(key, value, "true or false");

    static InvalidOperationException Invalid(string key, object value, string expected) =>
        new($"Stack config '{key}' is '{value}'; expected {expected}.");

    [GeneratedRegex("^[a-z][a-z0-9]{2,11}$")]
    private static partial Regex NamePrefixPattern();
}
