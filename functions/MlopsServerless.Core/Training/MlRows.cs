namespace MlopsServerless.Core.Training;

/// <summary>Names of the output columns the trainers write.</summary>
internal static class MlRows
{
    public const string PredictedLabel = "PredictedLabel";
    public const string PredictedClass = "PredictedClass";
    public const string Probability = "Probability";
    public const string Score = "Score";

    /// <summary>The column ML.NET's feature contribution calculation writes.</summary>
    public const string FeatureContributions = "FeatureContributions";
}
