using Microsoft.ML;

namespace MlopsServerless.Core.Training;

/// <summary>A fitted model with the input schema it was trained on and the trainer parameters used.</summary>
public sealed record TrainedModel(ITransformer Transformer, DataViewSchema InputSchema, IReadOnlyDictionary<string, string> Parameters);
