using System.Collections.Immutable;
using MlopsServerless.Configuration;
using Pulumi;
using Pulumi.AzureNative.EventGrid;
using Pulumi.AzureNative.EventGrid.Inputs;

namespace MlopsServerless.Infra;

public sealed record BlobEventSubscriptionArgs(
    Input<string> ResourceGroupName,
    Input<string> Location,
    string SystemTopicName,
    Input<string> StorageAccountId,
    Output<string> FunctionAppName,
    Output<string> FunctionAppHostName,
    bool SubscribeBlobTrigger);

/// <summary>
/// Event Grid system topic of the storage account, and (second stage) the subscription that delivers BlobCreated events
/// under <c>training-data/</c> to the <see cref="FunctionNames.StartTrainingOnUpload"/> blob trigger. The webhook needs
/// the host's <c>blobs_extension</c> key, which exists only once the code is deployed: see infra/README.md.
/// </summary>
public sealed class BlobEventSubscription : ComponentResource
{
    public const string SubscriptionName = "start-training-on-upload";

    public BlobEventSubscription(string name, BlobEventSubscriptionArgs args, ComponentResourceOptions? options = null)
        : base("mlops:platform:BlobEventSubscription", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };

        var topic = new SystemTopic(args.SystemTopicName, new SystemTopicArgs
        {
            SystemTopicName = args.SystemTopicName,
            ResourceGroupName = args.ResourceGroupName,
            Location = args.Location,
            Source = args.StorageAccountId,
            TopicType = BlobTriggerWebhook.StorageAccountTopicType,
        }, child);

        if (args.SubscribeBlobTrigger)
        {
            var hostKeys = Pulumi.AzureNative.Web.ListWebAppHostKeys.Invoke(new Pulumi.AzureNative.Web.ListWebAppHostKeysInvokeArgs
            {
                Name = args.FunctionAppName,
                ResourceGroupName = args.ResourceGroupName,
            });

            var endpointUrl = Output.Tuple(args.FunctionAppHostName, args.FunctionAppName, hostKeys).Apply(values =>
                Output.CreateSecret(BlobTriggerWebhook.EndpointUrl(
                    values.Item1, FunctionNames.StartTrainingOnUpload, BlobsExtensionKey(values.Item2, values.Item3.SystemKeys))));

            _ = new SystemTopicEventSubscription(SubscriptionName, new SystemTopicEventSubscriptionArgs
            {
                EventSubscriptionName = SubscriptionName,
                SystemTopicName = topic.Name,
                ResourceGroupName = args.ResourceGroupName,
                EventDeliverySchema = EventDeliverySchema.EventGridSchema,
                Destination = new WebHookEventSubscriptionDestinationArgs
                {
                    EndpointType = "WebHook",
                    EndpointUrl = endpointUrl,
                },
                Filter = new EventSubscriptionFilterArgs
                {
                    IncludedEventTypes = { BlobTriggerWebhook.BlobCreatedEventType },
                    SubjectBeginsWith = BlobTriggerWebhook.SubjectPrefix(StorageNames.Containers.TrainingData),
                },
            }, child);
        }

        RegisterOutputs(new Dictionary<string, object?> { ["systemTopicName"] = topic.Name });
    }

    static string BlobsExtensionKey(string functionAppName, ImmutableDictionary<string, string>? systemKeys) =>
        systemKeys is not null && systemKeys.TryGetValue(BlobTriggerWebhook.SystemKeyName, out var key)
            ? key
            : throw new InvalidOperationException(
                $"Function App {functionAppName} has no '{BlobTriggerWebhook.SystemKeyName}' system key yet: publish the " +
                $"code (it creates the key on start), then run 'pulumi up' again. On a first deployment set " +
                $"'{DeploymentSettings.Keys.EventSubscription}' to false until then (infra/README.md).");
}
