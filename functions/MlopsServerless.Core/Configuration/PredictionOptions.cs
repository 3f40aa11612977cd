using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using MlopsServerless.Configuration;

namespace MlopsServerless.Core.Configuration;

public sealed class PredictionOptions
{
    [ConfigurationKeyName(SettingKeys.PredictionMaxRows)]
    [Range(1, 100_000)]
    public int MaxRowsPerRequest { get; set; } = SettingDefaults.PredictionMaxRows;

    /// <summary>How long the serving side trusts its cached champion pointer before it looks again (0: every request).</summary>
    [ConfigurationKeyName(SettingKeys.PredictionChampionRefreshSeconds)]
    [Range(0, 3600)]
    public int ChampionRefreshSeconds { get; set; } = SettingDefaults.PredictionChampionRefreshSeconds;

    /// <summary>How many loaded model versions stay in memory.</summary>
    [ConfigurationKeyName(SettingKeys.PredictionModelCacheSize)]
    [Range(1, 1000)]
    public int ModelCacheSize { get; set; } = SettingDefaults.PredictionModelCacheSize;
}
