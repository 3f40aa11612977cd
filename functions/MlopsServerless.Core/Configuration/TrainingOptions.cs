using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using MlopsServerless.Configuration;

namespace MlopsServerless.Core.Configuration;

public sealed class TrainingOptions
{
    /// <summary>Seed of the train/test split and of the trainers: the same data and seed give the same model.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingSeed)]
    public int Seed { get; set; } = SettingDefaults.TrainingSeed;

    [ConfigurationKeyName(SettingKeys.TrainingTestFraction)]
    [Range(0.05, 0.5)]
    public double TestFraction { get; set; } = SettingDefaults.TrainingTestFraction;

    /// <summary>Fewer labelled rows (rows whose label is empty are dropped) fail validation.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingMinimumRows)]
    [Range(10, int.MaxValue)]
    public int MinimumRows { get; set; } = SettingDefaults.TrainingMinimumRows;

    /// <summary>
    /// Largest share of missing cells a feature may have; missing values below it are kept and handled in the model.
    /// Above it, an inferred feature is left out with a warning and a declared one fails validation.
    /// </summary>
    [ConfigurationKeyName(SettingKeys.TrainingMaxMissingFraction)]
    [Range(0.0, 1.0)]
    public double MaxMissingFraction { get; set; } = SettingDefaults.TrainingMaxMissingFraction;

    /// <summary>Largest upload validated and trained on; a larger one is rejected unread (training holds the typed columns in memory).</summary>
    [ConfigurationKeyName(SettingKeys.TrainingMaxUploadMegabytes)]
    [Range(1, 16384)]
    public int MaxUploadMegabytes { get; set; } = SettingDefaults.TrainingMaxUploadMegabytes;

    /// <summary>Comma-separated cell values read as missing, besides the built-in NA, N/A, NaN, null, None, ? and #N/A.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingMissingValues)]
    public string MissingValues { get; set; } = SettingDefaults.TrainingMissingValues;

    /// <summary>A text column with more distinct values is free text, not categories.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingMaxCategories)]
    [Range(2, 100_000)]
    public int MaxCategories { get; set; } = SettingDefaults.TrainingMaxCategories;

    /// <summary>A text column with more than 20 distinct values is categorical only when they are at most this share of its rows.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingMaxCategoryRatio)]
    [Range(0.0, 1.0)]
    public double MaxCategoryRatio { get; set; } = SettingDefaults.TrainingMaxCategoryRatio;

    /// <summary>A text column whose distinct values are at least this share of its rows is an identifier (or free text).</summary>
    [ConfigurationKeyName(SettingKeys.TrainingIdentifierRatio)]
    [Range(0.5, 1.0)]
    public double IdentifierDistinctRatio { get; set; } = SettingDefaults.TrainingIdentifierRatio;

    /// <summary>Categorical features with at most this many categories are one-hot encoded; larger ones are hashed into 1,024 slots.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingOneHotMaxCategories)]
    [Range(2, 10_000)]
    public int OneHotMaxCategories { get; set; } = SettingDefaults.TrainingOneHotMaxCategories;

    /// <summary>Candidates a run trains when model.json does not set <c>candidates</c>.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingCandidates)]
    [Range(1, 32)]
    public int Candidates { get; set; } = SettingDefaults.TrainingCandidates;

    /// <summary>How long a run's candidates may train (model.json <c>timeLimitSeconds</c> overrides); candidates still training then are left out.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingTimeLimitSeconds)]
    [Range(10, 86_400)]
    public int TimeLimitSeconds { get; set; } = SettingDefaults.TrainingTimeLimitSeconds;

    /// <summary>How much a challenger's primary metric must beat the champion's by (model.json <c>minImprovement</c> overrides).</summary>
    [ConfigurationKeyName(SettingKeys.PromotionMinImprovement)]
    [Range(0.0, 1_000_000.0)]
    public double MinImprovement { get; set; } = SettingDefaults.PromotionMinImprovement;

    public IReadOnlyList<string> ExtraMissingValues =>
        MissingValues.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
