using System.ComponentModel.DataAnnotations;

namespace MlopsServerless.LocalHost;

/// <summary>Settings of the local host alone (they mean nothing on Azure).</summary>
public sealed class LocalHostOptions
{
    public const string BlobPollMillisecondsKey = "MLOPS_LOCAL_BLOB_POLL_MS";
    public const string DemoKey = "MLOPS_LOCAL_DEMO";

    /// <summary>
    /// How often the blob watcher looks for new uploads (Event Grid pushes them on Azure); it also looks once at start.
    /// Up to an hour, so a test can stand in for an upload event that has not arrived yet.
    /// </summary>
    [ConfigurationKeyName(BlobPollMillisecondsKey)]
    [Range(100, 3_600_000)]
    public int BlobPollMilliseconds { get; set; } = 1000;

    /// <summary>Upload a generated demo dataset at start, wait for its champion and print a prediction example.</summary>
    [ConfigurationKeyName(DemoKey)]
    public bool Demo { get; set; }
}
