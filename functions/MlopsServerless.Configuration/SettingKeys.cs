namespace MlopsServerless.Configuration;

/// <summary>
/// App-setting keys. Flat names so that they work unchanged as Linux app settings, environment variables
/// and <c>%KEY%</c> binding expressions; the options classes bind them with <c>[ConfigurationKeyName]</c>.
/// </summary>
public static class SettingKeys
{
    /// <summary>
    /// Connection name of the app's data storage account. Locally its value is a connection string; on Azure it is
    /// identity-based: <c>MlopsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__credential</c>.
    /// </summary>
    public const string StorageConnection = "MlopsStorage";

    public const string StorageBlobServiceUri = StorageConnection + "__blobServiceUri";
    public const string StorageQueueServiceUri = StorageConnection + "__queueServiceUri";
    public const string StorageTableServiceUri = StorageConnection + "__tableServiceUri";
    public const string StorageCredential = StorageConnection + "__credential";

    /// <summary>Durable Task hub name (host.json reads it as <c>%MLOPS_TASK_HUB%</c>).</summary>
    public const string TaskHub = "MLOPS_TASK_HUB";

    public const string TrainingSeed = "MLOPS_TRAINING_SEED";
    public const string TrainingTestFraction = "MLOPS_TRAINING_TEST_FRACTION";
    public const string TrainingMinimumRows = "MLOPS_TRAINING_MIN_ROWS";
    public const string TrainingMaxMissingFraction = "MLOPS_TRAINING_MAX_MISSING_FRACTION";
    public const string TrainingMaxUploadMegabytes = "MLOPS_TRAINING_MAX_UPLOAD_MB";
    public const string TrainingMissingValues = "MLOPS_TRAINING_MISSING_VALUES";
    public const string TrainingMaxCategories = "MLOPS_TRAINING_MAX_CATEGORIES";
    public const string TrainingMaxCategoryRatio = "MLOPS_TRAINING_MAX_CATEGORY_RATIO";
    public const string TrainingIdentifierRatio = "MLOPS_TRAINING_IDENTIFIER_RATIO";
    public const string TrainingOneHotMaxCategories = "MLOPS_TRAINING_ONE_HOT_MAX_CATEGORIES";
    public const string TrainingCandidates = "MLOPS_TRAINING_CANDIDATES";
    public const string TrainingTimeLimitSeconds = "MLOPS_TRAINING_TIME_LIMIT_SECONDS";
    public const string PromotionMinImprovement = "MLOPS_PROMOTION_MIN_IMPROVEMENT";

    public const string PredictionMaxRows = "MLOPS_PREDICTION_MAX_ROWS";
    public const string PredictionChampionRefreshSeconds = "MLOPS_PREDICTION_CHAMPION_REFRESH_SECONDS";
    public const string PredictionModelCacheSize = "MLOPS_PREDICTION_MODEL_CACHE_SIZE";
    public const string PredictionLogBufferSize = "MLOPS_PREDICTION_LOG_BUFFER_SIZE";
    public const string PredictionLogFlushMilliseconds = "MLOPS_PREDICTION_LOG_FLUSH_MS";
    public const string PredictionLiveMetricsWindowHours = "MLOPS_PREDICTION_LIVE_METRICS_WINDOW_HOURS";
    public const string PredictionShadowShare = "MLOPS_PREDICTION_SHADOW_SHARE";

    /// <summary>Six-field NCRONTAB schedule of the drift timer (seconds first), as the Functions timer trigger reads it.</summary>
    public const string DriftSchedule = "MLOPS_DRIFT_SCHEDULE";
    public const string DriftPsiThreshold = "MLOPS_DRIFT_PSI_THRESHOLD";
    public const string DriftMinimumSamples = "MLOPS_DRIFT_MIN_SAMPLES";
    public const string DriftDatasetShare = "MLOPS_DRIFT_DATASET_SHARE";
    public const string DriftLogLagSeconds = "MLOPS_DRIFT_LOG_LAG_SECONDS";
    public const string DriftHealthMaxDrop = "MLOPS_DRIFT_HEALTH_MAX_DROP";

    /// <summary>Where OpenTelemetry goes: <c>none</c>, <c>azureMonitor</c>, <c>console</c> or <c>otlp</c>; unset, Azure Monitor where Application Insights is configured.</summary>
    public const string TelemetryExporter = "MLOPS_TELEMETRY_EXPORTER";
}
