using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using MlopsServerless.Configuration;

namespace MlopsServerless.LocalHost.Durable;

/// <summary>Where the local host keeps orchestration state.</summary>
public enum DurableBackend
{
    /// <summary>The Azure Storage provider Durable Functions uses on Azure, here against Azurite: survives restarts.</summary>
    AzureStorage,

    /// <summary>Process memory: nothing survives a restart. For tests and quick experiments.</summary>
    InMemory,
}

/// <summary>The local host's Durable Task backend, bound from the flat app settings.</summary>
public sealed class DurableBackendOptions : IValidatableObject
{
    /// <summary>App setting that picks the <see cref="DurableBackend"/> of the local host (it has no meaning on Azure).</summary>
    public const string BackendKey = "MLOPS_LOCAL_DURABLE_BACKEND";

    [ConfigurationKeyName(BackendKey)]
    [EnumDataType(typeof(DurableBackend))]
    public DurableBackend Backend { get; set; } = DurableBackend.AzureStorage;

    /// <summary>Task hub name: 3–45 letters and digits, starting with a letter (the Azure Storage provider's rule).</summary>
    [ConfigurationKeyName(SettingKeys.TaskHub)]
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "The task hub name must be 3-45 letters and digits, starting with a letter.")]
    public string TaskHub { get; set; } = SettingDefaults.TaskHub;

    /// <summary>Connection string of the storage account (Azurite locally). Required by <see cref="DurableBackend.AzureStorage"/>.</summary>
    [ConfigurationKeyName(SettingKeys.StorageConnection)]
    public string? StorageConnectionString { get; set; }

    /// <summary>How many activities run at once: host.json's <c>maxConcurrentActivityFunctions</c> (as on Azure); the backend's default when unset.</summary>
    [Range(1, 100)]
    public int? MaxConcurrentActivities { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Backend == DurableBackend.AzureStorage && string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            yield return new ValidationResult(
                $"The {DurableBackend.AzureStorage} backend needs a storage connection string in '{SettingKeys.StorageConnection}' " +
                $"(Azurite locally), or set '{BackendKey}' to {DurableBackend.InMemory}.",
                [nameof(StorageConnectionString)]);
        }
    }
}
