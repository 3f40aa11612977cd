using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using MlopsServerless.Configuration;

namespace MlopsServerless.Core.Configuration;

public sealed class PredictionOptions
{
    [ConfigurationKeyName(SettingKeys.PredictionMaxRows)]
    [Range(1, 100_000)]
    public int MaxRowsPerRequest { get; set; } = SettingDefaults.PredictionMaxRows;

    /// <summary>How long the serving side trusts what it cached of an alias pointer (the champion's and every other) or a version's archive flag before it looks again (0: every request).</summary>
    [ConfigurationKeyName(SettingKeys.PredictionChampionRefreshSeconds)]
    [Range(0, 3600)]
    public int ChampionRefreshSeconds { get; set; } = SettingDefaults.PredictionChampionRefreshSeconds;

    /// <summary>How many loaded model versions stay in memory, least recently used out first (3 is the cache's smallest).</summary>
    [ConfigurationKeyName(SettingKeys.PredictionModelCacheSize)]
    [Range(3, 1000)]
    public int ModelCacheSize { get; set; } = SettingDefaults.PredictionModelCacheSize;

    /// <summary>Served rows held until they are written to the prediction log; a request whose rows do not fit is served and not logged (counted, and said in the log).</summary>
    [ConfigurationKeyName(SettingKeys.PredictionLogBufferSize)]
    [Range(1, 10_000_000)]
    public int LogBufferSize { get; set; } = SettingDefaults.PredictionLogBufferSize;

    /// <summary>How often open prediction log pages are finished and written (a full page at once), and how long a failed page waits to be tried again.</summary>
    [ConfigurationKeyName(SettingKeys.PredictionLogFlushMilliseconds)]
    [Range(10, 600_000)]
    public int LogFlushMilliseconds { get; set; } = SettingDefaults.PredictionLogFlushMilliseconds;

    /// <summary>How far back (in served time) the champion's live metrics reach.</summary>
    [ConfigurationKeyName(SettingKeys.PredictionLiveMetricsWindowHours)]
    [Range(1, 24 * 366)]
    public int LiveMetricsWindowHours { get; set; } = SettingDefaults.PredictionLiveMetricsWindowHours;

    /// <summary>Share of the champion's live requests also scored, off the response path, by the <c>challenger</c> alias (0 turns shadow scoring off).</summary>
    [ConfigurationKeyName(SettingKeys.PredictionShadowShare)]
    [Range(0.0, 1.0)]
    public double ShadowShare { get; set; } = SettingDefaults.PredictionShadowShare;
}
