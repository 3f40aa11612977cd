using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Serving;

/// <summary>The champion version of a model, loaded and ready to predict, with its conformal calibration (null for versions trained before it existed).</summary>
public sealed record ServedModel(string Model, int Version, ServingModel Engine, ConformalCalibration? Conformal)
{
    public IReadOnlyList<string> FeatureNames { get; } = Engine.Spec.FeatureNames.ToList();

    public PredictionInput.Schema Input { get; } = PredictionInput.Schema.For(Engine.Spec);
}
