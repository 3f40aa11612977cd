using System.ComponentModel.DataAnnotations;
using Cronos;
using Microsoft.Extensions.Configuration;
using MlopsServerless.Configuration;

namespace MlopsServerless.Core.Configuration;

public sealed class DriftOptions : IValidatableObject
{
    /// <summary>Six-field NCRONTAB (seconds first), the format of the Functions timer trigger.</summary>
    [ConfigurationKeyName(SettingKeys.DriftSchedule)]
    [Required]
    public string Schedule { get; set; } = SettingDefaults.DriftSchedule;

    /// <summary>A column (feature or predictions) measured by PSI drifted when its PSI reaches this value.</summary>
    [ConfigurationKeyName(SettingKeys.DriftPsiThreshold)]
    [Range(0.001, 10.0)]
    public double PsiThreshold { get; set; } = SettingDefaults.DriftPsiThreshold;

    /// <summary>
    /// Fewer logged rows than this since the last report: the report says so and the window keeps growing. A column with
    /// fewer values than this (not missing) at training or in the window is not tested, and says so.
    /// </summary>
    [ConfigurationKeyName(SettingKeys.DriftMinimumSamples)]
    [Range(1, int.MaxValue)]
    public int MinimumSamples { get; set; } = SettingDefaults.DriftMinimumSamples;

    /// <summary>The dataset drifted when at least this share of its features (those with enough data) drifted.</summary>
    [ConfigurationKeyName(SettingKeys.DriftDatasetShare)]
    [Range(0.01, 1.0)]
    public double DatasetShare { get; set; } = SettingDefaults.DriftDatasetShare;

    /// <summary>
    /// A drift window ends this long before the run, so requests still in a serving instance's log buffer (written
    /// every <see cref="PredictionOptions.LogFlushMilliseconds"/>) land before their window is read: each is counted once.
    /// </summary>
    [ConfigurationKeyName(SettingKeys.DriftLogLagSeconds)]
    [Range(0, 3600)]
    public int LogLagSeconds { get; set; } = SettingDefaults.DriftLogLagSeconds;

    /// <summary>
    /// How far the champion's health may fall below its test metrics before the monitor acts: the accuracy estimated
    /// without labels (CBPE), or live accuracy with feedback, more than this below the test accuracy; live RMSE more than
    /// this share above the test RMSE.
    /// </summary>
    [ConfigurationKeyName(SettingKeys.DriftHealthMaxDrop)]
    [Range(0.001, 1.0)]
    public double HealthMaxDrop { get; set; } = SettingDefaults.DriftHealthMaxDrop;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? error = null;
        try
        {
            CronExpression.Parse(Schedule, CronFormat.IncludeSeconds);
        }
        catch (CronFormatException exception)
        {
            error = exception.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult(
                $"'{SettingKeys.DriftSchedule}' must be a six-field CRON expression (seconds first): {error}",
                [nameof(Schedule)]);
        }
    }
}
