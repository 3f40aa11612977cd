using Microsoft.ML;

namespace MlopsServerless.Core.Training;

/// <summary>Saves and loads ML.NET model zips.</summary>
public static class ModelArtifacts
{
    public static BinaryData Save(TrainedModel model)
    {
        using var stream = new MemoryStream();
        new MLContext(seed: 0).Model.Save(model.Transformer, model.InputSchema, stream);
        return BinaryData.FromBytes(stream.ToArray());
    }

    public static ITransformer Load(Stream zip) => new MLContext(seed: 0).Model.Load(zip, out _);
}
