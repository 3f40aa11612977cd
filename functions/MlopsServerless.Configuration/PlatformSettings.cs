using System.Globalization;

namespace MlopsServerless.Configuration;

/// <summary>The tunable settings of one environment (a Pulumi stack, or a local run).</summary>
public sealed record PlatformSettings
{
    public string TaskHub { get; init; } = SettingDefaults.TaskHub;
    public int TrainingSeed { get; init; } = SettingDefaults.TrainingSeed;
    public double TrainingTestFraction { get; init; } = SettingDefaults.TrainingTestFraction;
    public int TrainingMinimumRows { get; init; } = SettingDefaults.TrainingMinimumRows;
    public double TrainingMaxMissingFraction { get; init; } = SettingDefaults.TrainingMaxMissingFraction;
    public int TrainingMaxUploadMegabytes { get; init; } = SettingDefaults.TrainingMaxUploadMegabytes;
    public string TrainingMissingValues { get; init; } = SettingDefaults.TrainingMissingValues;
    public int TrainingMaxCategories { get; init; } = SettingDefaults.TrainingMaxCategories;
    public double TrainingMaxCategoryRatio { get; init; } = SettingDefaults.TrainingMaxCategoryRatio;
    public double TrainingIdentifierRatio { get; init; } = SettingDefaults.TrainingIdentifierRatio;
    public int TrainingOneHotMaxCategories { get; init; } = SettingDefaults.TrainingOneHotMaxCategories;
    public int TrainingCandidates { get; init; } = SettingDefaults.TrainingCandidates;
    public int TrainingTimeLimitSeconds { get; init; } = SettingDefaults.TrainingTimeLimitSeconds;
    public double PromotionMinImprovement { get; init; } = SettingDefaults.PromotionMinImprovement;
    public int PredictionMaxRows { get; init; } = SettingDefaults.PredictionMaxRows;
    public int PredictionChampionRefreshSeconds { get; init; } = SettingDefaults.PredictionChampionRefreshSeconds;
    public int PredictionModelCacheSize { get; init; } = SettingDefaults.PredictionModelCacheSize;
    public int PredictionLogBufferSize { get; init; } = SettingDefaults.PredictionLogBufferSize;
    public int PredictionLogFlushMilliseconds { get; init; } = SettingDefaults.PredictionLogFlushMilliseconds;
    public int PredictionLiveMetricsWindowHours { get; init; } = SettingDefaults.PredictionLiveMetricsWindowHours;
    public double PredictionShadowShare { get; init; } = SettingDefaults.PredictionShadowShare;
    public string DriftSchedule { get; init; } = SettingDefaults.DriftSchedule;
    public double DriftPsiThreshold { get; init; } = SettingDefaults.DriftPsiThreshold;
    public int DriftMinimumSamples { get; init; } = SettingDefaults.DriftMinimumSamples;
    public double DriftDatasetShare { get; init; } = SettingDefaults.DriftDatasetShare;
    public int DriftLogLagSeconds { get; init; } = SettingDefaults.DriftLogLagSeconds;
    public double DriftHealthMaxDrop { get; init; } = SettingDefaults.DriftHealthMaxDrop;

    /// <summary>The app settings (key → value) that carry these values, in the form the app's options bind.</summary>
    public IReadOnlyDictionary<string, string> ToAppSettings() => new Dictionary<string, string>
    {
        [SettingKeys.TaskHub] = TaskHub,
        [SettingKeys.TrainingSeed] = Format(TrainingSeed),
        [SettingKeys.TrainingTestFraction] = Format(TrainingTestFraction),
        [SettingKeys.TrainingMinimumRows] = Format(TrainingMinimumRows),
        [SettingKeys.TrainingMaxMissingFraction] = Format(TrainingMaxMissingFraction),
        [SettingKeys.TrainingMaxUploadMegabytes] = Format(TrainingMaxUploadMegabytes),
        [SettingKeys.TrainingMissingValues] = TrainingMissingValues,
        [SettingKeys.TrainingMaxCategories] = Format(TrainingMaxCategories),
        [SettingKeys.TrainingMaxCategoryRatio] = Format(TrainingMaxCategoryRatio),
        [SettingKeys.TrainingIdentifierRatio] = Format(TrainingIdentifierRatio),
        [SettingKeys.TrainingOneHotMaxCategories] = Format(TrainingOneHotMaxCategories),
        [SettingKeys.TrainingCandidates] = Format(TrainingCandidates),
        [SettingKeys.TrainingTimeLimitSeconds] = Format(TrainingTimeLimitSeconds),
        [SettingKeys.PromotionMinImprovement] = Format(PromotionMinImprovement),
        [SettingKeys.PredictionMaxRows] = Format(PredictionMaxRows),
        [SettingKeys.PredictionChampionRefreshSeconds] = Format(PredictionChampionRefreshSeconds),
        [SettingKeys.PredictionModelCacheSize] = Format(PredictionModelCacheSize),
        [SettingKeys.PredictionLogBufferSize] = Format(PredictionLogBufferSize),
        [SettingKeys.PredictionLogFlushMilliseconds] = Format(PredictionLogFlushMilliseconds),
        [SettingKeys.PredictionLiveMetricsWindowHours] = Format(PredictionLiveMetricsWindowHours),
        [SettingKeys.PredictionShadowShare] = Format(PredictionShadowShare),
        [SettingKeys.DriftSchedule] = DriftSchedule,
        [SettingKeys.DriftPsiThreshold] = Format(DriftPsiThreshold),
        [SettingKeys.DriftMinimumSamples] = Format(DriftMinimumSamples),
        [SettingKeys.DriftDatasetShare] = Format(DriftDatasetShare),
        [SettingKeys.DriftLogLagSeconds] = Format(DriftLogLagSeconds),
        [SettingKeys.DriftHealthMaxDrop] = Format(DriftHealthMaxDrop),
    };

    static string Format(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
