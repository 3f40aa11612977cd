using MlopsServerless.Configuration;

namespace MlopsServerless.Core.Storage;

/// <summary>
/// Where each artifact lives, as <c>container/name</c> paths (the form stored in the registry and shown by the API).
/// </summary>
public static class BlobPaths
{
    public static string ValidationReport(string model, string runId) =>
        $"{StorageNames.Containers.ValidationReports}/{model}/{runId}.json";

    public static string Quarantine(string model, string runId, string sourceBlob) =>
        $"{StorageNames.Containers.Quarantine}/{model}/{runId}/{Path.GetFileName(sourceBlob)}";

    public static string Dataset(string model, string sha256) => $"{StorageNames.Containers.Datasets}/{model}/{sha256}.csv";

    public static string DatasetLineage(string model, string sha256) => $"{StorageNames.Containers.Datasets}/{model}/{sha256}.lineage.json";

    public static string CandidateArtifact(string model, string runId, string candidateId) =>
        $"{StorageNames.Containers.Models}/{model}/runs/{runId}/candidates/{candidateId}/model.zip";

    public static string ReferenceProfile(string model, string runId) =>
        $"{StorageNames.Containers.Models}/{model}/runs/{runId}/reference-profile.json";

    public static string TrainingData(string blobName) => $"{StorageNames.Containers.TrainingData}/{blobName}";

    public static string BatchOutput(string model, string jobId) => $"{StorageNames.Containers.BatchOutput}/{model}/{jobId}.csv";

    public static string BatchChunk(string model, string jobId, int chunk) =>
        $"{StorageNames.Containers.BatchOutput}/{model}/{jobId}/chunks/{chunk:D5}.csv";
}
