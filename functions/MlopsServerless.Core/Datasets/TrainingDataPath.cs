namespace MlopsServerless.Core.Datasets;

/// <summary>
/// A blob name in the training-data container: <c>{model}/...csv</c> is a dataset of that model,
/// <c>{model}/model.json</c> its spec; anything else is not a training input.
/// </summary>
public sealed record TrainingDataPath(string Model, string BlobName)
{
    public const string SpecFileName = "model.json";

    public static string SpecBlobName(string model) => $"{model}/{SpecFileName}";

    /// <summary>The dataset at <paramref name="blobName"/>, or null (with the reason) when the blob is not one.</summary>
    public static TrainingDataPath? TryParseDataset(string blobName, out string? reason)
    {
        string[] segments = blobName.Split('/');
        if (segments.Length < 2)
        {
            reason = "training data must be uploaded under a model folder: training-data/{model}/{file}.csv";
            return null;
        }

        if (!ModelName.IsValid(segments[0]))
        {
            reason = $"'{segments[0]}' is not a valid model name ({ModelName.Rule})";
            return null;
        }

        if (!blobName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            reason = segments[^1] == SpecFileName ? "model spec, not a dataset" : "not a .csv file";
            return null;
        }

        reason = null;
        return new TrainingDataPath(segments[0], blobName);
    }
}
