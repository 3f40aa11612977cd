namespace MlopsServerless.Configuration;

/// <summary>Defaults of the settings in <see cref="SettingKeys"/>: the options classes and infra/ both start from these.</summary>
public static class SettingDefaults
{
    public const string TaskHub = "mlops";

    public const int TrainingSeed = 42;
    public const double TrainingTestFraction = 0.2;
    public const int TrainingMinimumRows = 20;
    public const double TrainingMaxMissingFraction = 0.1;
    public const int TrainingMaxUploadMegabytes = 256;

    public const int PredictionMaxRows = 1000;
    public const int PredictionChampionRefreshSeconds = 10;
    public const int PredictionModelCacheSize = 16;

    public const string DriftSchedule = "0 0 * * * *";
    public const double DriftPsiThreshold = 0.2;
    public const int DriftMinimumSamples = 50;
}
