namespace MlopsServerless.Configuration;

/// <summary>
/// The identity-based app settings that point the app (and its blob trigger) at the data storage account:
/// no key or connection string, the Function App's managed identity authenticates.
/// </summary>
public static class StorageConnectionSettings
{
    public static IReadOnlyDictionary<string, string> ForAccount(string accountName) => new Dictionary<string, string>
    {
        [SettingKeys.StorageBlobServiceUri] = $"https://{accountName}.blob.core.windows.net",
        [SettingKeys.StorageQueueServiceUri] = $"https://{accountName}.queue.core.windows.net",
        [SettingKeys.StorageTableServiceUri] = $"https://{accountName}.table.core.windows.net",
        [SettingKeys.StorageCredential] = "managedidentity",
    };
}
