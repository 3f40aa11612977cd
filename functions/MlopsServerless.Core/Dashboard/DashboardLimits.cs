namespace MlopsServerless.Core.Dashboard;

/// <summary>How much one dashboard request reads per model, so the page costs the same however long a model has run.</summary>
public static class DashboardLimits
{
    /// <summary>Models on one page without <c>?model=</c> (by name); the page says how many more there are.</summary>
    public const int MaxModels = 20;

    /// <summary>Newest drift reports read per model: the heatmap's and the performance chart's windows.</summary>
    public const int MaxDriftReports = 30;

    /// <summary>Labels read per drift window for live metrics (the window's first ones, by served time).</summary>
    public const int MaxFeedbackPerWindow = 2000;

    /// <summary>Most recently updated training runs shown per model.</summary>
    public const int MaxRuns = 15;

    /// <summary>Newest versions whose feature importance is drawn side by side.</summary>
    public const int MaxImportanceVersions = 4;
}
