using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Batch;
using MlopsServerless.Core.Dashboard;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Feedback;
using MlopsServerless.Core.Pipeline;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Runs;
using MlopsServerless.Core.Serving;
using MlopsServerless.Core.Shadow;
using MlopsServerless.Core.Storage;
using MlopsServerless.Core.Telemetry;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Configuration;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the domain services and their validated options; the Functions app and the local host both call this.</summary>
    public static IServiceCollection AddMlopsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Configure(options =>
            {
                IConfigurationSection section = configuration.GetSection(SettingKeys.StorageConnection);
                options.ConnectionString = section.Value;
                options.BlobServiceUri = Uri.TryCreate(section["blobServiceUri"], UriKind.Absolute, out Uri? blob) ? blob : null;
                options.TableServiceUri = Uri.TryCreate(section["tableServiceUri"], UriKind.Absolute, out Uri? table) ? table : null;
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TrainingOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PredictionOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DriftOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MlopsMetrics>();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageInitializer>();

        services.AddSingleton<DatasetValidator>();
        services.AddSingleton<DatasetStore>();
        services.AddSingleton(new NativeLibraryProbe());
        services.AddSingleton<ModelTrainer>();
        services.AddSingleton<ModelEvaluator>();
        services.AddSingleton<ModelArtifactStore>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<TrainingRunStore>();

        services.AddSingleton<DatasetIntake>();
        services.AddSingleton<CandidateTraining>();
        services.AddSingleton<CandidatePlanning>();
        services.AddSingleton<CandidateSelection>();
        services.AddSingleton<RetrainRequests>();
        services.AddSingleton<CandidateRegistration>();
        services.AddSingleton<ChampionPromotion>();
        services.AddSingleton<TrainingFailureRecorder>();
        services.AddSingleton<TrainingUploads>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<ModelAliases>();
        services.AddSingleton<ModelVersions>();

        services.AddSingleton<ModelServingCache>();
        services.AddSingleton<PredictionLog>();
        services.AddSingleton<PredictionLogBuffer>();
        services.AddHostedService(provider => provider.GetRequiredService<PredictionLogBuffer>());
        services.AddSingleton<PredictionService>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<FeedbackDatasets>();
        services.AddSingleton<ShadowStore>();
        services.AddSingleton<ShadowReports>();
        services.AddSingleton<ShadowScoring>();
        services.AddHostedService(provider => provider.GetRequiredService<ShadowScoring>());

        services.AddSingleton<BatchScoring>();

        services.AddSingleton<DriftReportStore>();
        services.AddSingleton<DriftActionDecider>();
        services.AddSingleton<DriftMonitor>();

        services.AddSingleton<DashboardReader>();
        services.AddSingleton<DashboardService>();
        return services;
    }
}
