using System.ComponentModel.DataAnnotations;
using MlopsServerless.Configuration;

namespace MlopsServerless.Core.Configuration;

/// <summary>
/// Where the app's data lives, read from the <see cref="SettingKeys.StorageConnection"/> connection setting:
/// a connection string (local, Azurite) or, on Azure, service URIs authenticated by the managed identity.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public string? ConnectionString { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        bool hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        bool hasServiceUris = BlobServiceUri is not null && TableServiceUri is not null;
        if (!hasConnectionString && !hasServiceUris)
        {
            yield return new ValidationResult(
                $"Set '{SettingKeys.StorageConnection}' to a connection string, or set both " +
                $"'{SettingKeys.StorageBlobServiceUri}' and '{SettingKeys.StorageTableServiceUri}'.",
                [nameof(ConnectionString)]);
        }
    }
}
