namespace MlopsServerless.Configuration;

/// <summary>Defaults of the settings in <see cref="SettingKeys"/>: the options classes and infra/ both start from these.</summary>
public static class SettingDefaults
{
    public const string TaskHub = "mlops";

    public const int TrainingSeed = 42;
    public const double TrainingTestFraction = 0.2;
    public const int TrainingMinimumRows = 20;
    public const double TrainingMaxMissingFraction = 0.5;
    public const int TrainingMaxUploadMegabytes = 512;
    public const string TrainingMissingValues = "";
    public const int TrainingMaxCategories = 1000;
    public const double TrainingMaxCategoryRatio = 0.5;
    public const double TrainingIdentifierRatio = 0.95;
    public const int TrainingOneHotMaxCategories = 100;
    public const int TrainingCandidates = 6;
    public const int TrainingTimeLimitSeconds = 1800;
    public const double PromotionMinImprovement = 0.0;

    public const int PredictionMaxRows = 1000;
    public const int PredictionChampionRefreshSeconds = 10;
    public const int PredictionModelCacheSize = 16;
    public const int PredictionLogBufferSize = 100_000;
    public const int PredictionLogFlushMilliseconds = 1000;
    public const int PredictionLiveMetricsWindowHours = 168;
    public const double PredictionShadowShare = 0.1;

    public const string DriftSchedule = "0 0 * * * *";
    public const double DriftPsiThreshold = 0.2;
    public const int DriftMinimumSamples = 50;
    public const double DriftDatasetShare = 0.5;
    public const int DriftLogLagSeconds = 30;
    public const double DriftHealthMaxDrop = 0.05;
}
