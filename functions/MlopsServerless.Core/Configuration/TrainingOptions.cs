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

    [ConfigurationKeyName(SettingKeys.TrainingMinimumRows)]
    [Range(10, int.MaxValue)]
    public int MinimumRows { get; set; } = SettingDefaults.TrainingMinimumRows;

    /// <summary>Largest share of empty cells a feature column may have; more fails validation.</summary>
    [ConfigurationKeyName(SettingKeys.TrainingMaxMissingFraction)]
    [Range(0.0, 1.0)]
    public double MaxMissingFraction { get; set; } = SettingDefaults.TrainingMaxMissingFraction;

    /// <summary>Largest upload validated and trained on; a larger one is rejected unread (validation holds it in memory).</summary>
    [ConfigurationKeyName(SettingKeys.TrainingMaxUploadMegabytes)]
    [Range(1, 4096)]
    public int MaxUploadMegabytes { get; set; } = SettingDefaults.TrainingMaxUploadMegabytes;
}
