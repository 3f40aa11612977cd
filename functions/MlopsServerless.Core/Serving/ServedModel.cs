namespace MlopsServerless.Core.Serving;

/// <summary>The champion version of a model, loaded and ready to predict.</summary>
public sealed record ServedModel(string Model, int Version, ServingModel Engine);
