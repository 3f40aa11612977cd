using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlopsServerless.Configuration;
using MlopsServerless.Core.Configuration;

namespace MlopsServerless.Functions.Tests.Contracts;

/// <summary>The app settings infra writes, bound by the app's own wiring (AddMlopsFunctions), validate and mean what infra meant.</summary>
public sealed class SettingsBindingTests
{
    static readonly PlatformSettings NonDefaults = new()
    {
        TaskHub = "prodhub",
        TrainingSeed = 7,
        TrainingTestFraction = 0.3,
        TrainingMinimumRows = 500,
        TrainingMaxMissingFraction = 0.05,
        TrainingMissingValues = "unknown, -",
        TrainingMaxCategories = 50,
        TrainingMaxCategoryRatio = 0.3,
        TrainingIdentifierRatio = 0.9,
        TrainingOneHotMaxCategories = 20,
        PredictionMaxRows = 250,
        PredictionChampionRefreshSeconds = 30,
        PredictionModelCacheSize = 4,
        DriftSchedule = "0 */15 * * * *",
        DriftPsiThreshold = 0.25,
        DriftMinimumSamples = 1000,
        DriftHealthMaxDrop = 0.1,
    };

    [Fact]
    public void InfraSettings_BindIntoValidatedOptions_WithTheSameValues()
    {
        using ServiceProvider services = ServicesFrom(FunctionAppSettingsBuilder.Build(NonDefaults, "stmlopsprod"));

        TrainingOptions training = services.GetRequiredService<IOptions<TrainingOptions>>().Value;
        PredictionOptions prediction = services.GetRequiredService<IOptions<PredictionOptions>>().Value;
        DriftOptions drift = services.GetRequiredService<IOptions<DriftOptions>>().Value;
        StorageOptions storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal((7, 0.3, 500, 0.05), (training.Seed, training.TestFraction, training.MinimumRows, training.MaxMissingFraction));
        Assert.Equal((50, 0.3, 0.9, 20), (training.MaxCategories, training.MaxCategoryRatio, training.IdentifierDistinctRatio, training.OneHotMaxCategories));
        Assert.Equal(["unknown", "-"], training.ExtraMissingValues);
        Assert.Equal((250, 30, 4), (prediction.MaxRowsPerRequest, prediction.ChampionRefreshSeconds, prediction.ModelCacheSize));
        Assert.Equal(("0 */15 * * * *", 0.25, 1000, 0.1), (drift.Schedule, drift.PsiThreshold, drift.MinimumSamples, drift.HealthMaxDrop));
        Assert.Equal(new Uri("https://stmlopsprod.blob.core.windows.net"), storage.BlobServiceUri);
        Assert.Equal(new Uri("https://stmlopsprod.table.core.windows.net"), storage.TableServiceUri);
        Assert.Null(storage.ConnectionString);
    }

    [Fact]
    public void DefaultSettings_EqualTheOptionsDefaults()
    {
        using ServiceProvider services = ServicesFrom(FunctionAppSettingsBuilder.Build(new PlatformSettings(), "stmlopsdev"));
        var unbound = new TrainingOptions();

        TrainingOptions training = services.GetRequiredService<IOptions<TrainingOptions>>().Value;

        Assert.Equal((unbound.Seed, unbound.TestFraction, unbound.MinimumRows), (training.Seed, training.TestFraction, training.MinimumRows));
        Assert.Equal(new DriftOptions().Schedule, services.GetRequiredService<IOptions<DriftOptions>>().Value.Schedule);
    }

    [Theory]
    [InlineData(SettingKeys.DriftSchedule, "every hour", "six-field CRON")]
    [InlineData(SettingKeys.TrainingTestFraction, "0.9", "TestFraction")]
    [InlineData(SettingKeys.PredictionModelCacheSize, "0", "ModelCacheSize")]
    [InlineData(SettingKeys.PredictionModelCacheSize, "2", "ModelCacheSize")]
    [InlineData(SettingKeys.DriftHealthMaxDrop, "0", "HealthMaxDrop")]
    public void BadSetting_FailsValidationNamingIt(string key, string value, string expectedInMessage)
    {
        var settings = new Dictionary<string, string>(FunctionAppSettingsBuilder.Build(new PlatformSettings(), "stmlopsdev")) { [key] = value };
        using ServiceProvider services = ServicesFrom(settings);

        var exception = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<DriftOptions>>().Value;
            _ = services.GetRequiredService<IOptions<TrainingOptions>>().Value;
            _ = services.GetRequiredService<IOptions<PredictionOptions>>().Value;
        });
        Assert.Contains(expectedInMessage, exception.Message);
    }

    [Fact]
    public void NoStorageSetting_FailsValidationNamingTheKeys()
    {
        using ServiceProvider services = ServicesFrom(new Dictionary<string, string>());

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains(SettingKeys.StorageConnection, exception.Message);
    }

    static ServiceProvider ServicesFrom(IReadOnlyDictionary<string, string> appSettings)
    {
        // App settings reach the app as environment variables: "__" becomes the ":" section separator.
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(appSettings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":"), s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddMlopsFunctions(configuration).BuildServiceProvider();
    }
}
