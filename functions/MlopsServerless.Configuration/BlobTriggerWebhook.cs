namespace MlopsServerless.Configuration;

/// <summary>
/// How Event Grid reaches a blob trigger whose source is <c>BlobTriggerSource.EventGrid</c>: a webhook on the
/// Functions host's blob extension, authorised by the host's <c>blobs_extension</c> system key.
/// </summary>
public static class BlobTriggerWebhook
{
    /// <summary>The system key the host creates once a function with an Event Grid-sourced blob trigger is deployed.</summary>
    public const string SystemKeyName = "blobs_extension";

    public const string BlobCreatedEventType = "Microsoft.Storage.BlobCreated";

    /// <summary>Event Grid system-topic type of a storage account.</summary>
    public const string StorageAccountTopicType = "Microsoft.Storage.StorageAccounts";

    /// <summary>Event subject prefix of every blob in <paramref name="container"/>.</summary>
    public static string SubjectPrefix(string container) => $"/blobServices/default/containers/{container}/";

    public static string EndpointUrl(string defaultHostName, string functionName, string blobsExtensionKey) =>
        $"https://{defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.{functionName}" +
        $"&code={Uri.EscapeDataString(blobsExtensionKey)}";
}
