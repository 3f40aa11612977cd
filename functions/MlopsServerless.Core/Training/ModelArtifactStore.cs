using Azure.Storage.Blobs.Models;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Storage;
using Microsoft.ML;

namespace MlopsServerless.Core.Training;

/// <summary>Model zips and their drift reference profiles in the models container.</summary>
public sealed class ModelArtifactStore(StorageClients storage)
{
    public async Task<string> SaveModelAsync(string model, string runId, string candidateId, TrainedModel trained, CancellationToken cancellationToken)
    {
        string path = BlobPaths.CandidateArtifact(model, runId, candidateId);
        await storage.Blob(path).UploadAsync(ModelArtifacts.Save(trained), overwrite: true, cancellationToken);
        return path;
    }

    public async Task<ITransformer> LoadModelAsync(string artifactBlob, CancellationToken cancellationToken)
    {
        BlobDownloadResult download = await storage.Blob(artifactBlob).DownloadContentAsync(cancellationToken);
        using Stream zip = download.Content.ToStream();
        return ModelArtifacts.Load(zip);
    }

    public async Task<string> SaveProfileAsync(string model, string runId, ReferenceProfile profile, CancellationToken cancellationToken)
    {
        string path = BlobPaths.ReferenceProfile(model, runId);
        await JsonBlobs.WriteAsync(storage.Blob(path), profile, cancellationToken);
        return path;
    }

    public async Task<ReferenceProfile> LoadProfileAsync(string profileBlob, CancellationToken cancellationToken) =>
        await JsonBlobs.ReadOrDefaultAsync<ReferenceProfile>(storage.Blob(profileBlob), cancellationToken)
        ?? throw new FileNotFoundException($"Reference profile {profileBlob} is missing.");
}
