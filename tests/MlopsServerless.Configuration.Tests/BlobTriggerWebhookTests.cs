using MlopsServerless.Configuration;

namespace MlopsServerless.Configuration.Tests;

public class BlobTriggerWebhookTests
{
    [Fact]
    public void EndpointUrl_TargetsTheHostsBlobExtensionForTheFunction() =>
        Assert.Equal(
            "https://func-x.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.StartTrainingOnUpload&code=key",
            BlobTriggerWebhook.EndpointUrl("func-x.azurewebsites.net", FunctionNames.StartTrainingOnUpload, "key"));

    [Fact]
    public void EndpointUrl_KeyWithReservedCharacters_IsEscaped() =>
        Assert.EndsWith("&code=a%2Fb%2Bc%3D%3D", BlobTriggerWebhook.EndpointUrl("h", "F", "a/b+c=="), StringComparison.Ordinal);

    [Fact]
    public void SubjectPrefix_MatchesOnlyBlobsOfTheContainer() =>
        Assert.Equal(
            "/blobServices/default/containers/training-data/",
            BlobTriggerWebhook.SubjectPrefix(StorageNames.Containers.TrainingData));
}
