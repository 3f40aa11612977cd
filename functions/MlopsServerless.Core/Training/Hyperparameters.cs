namespace MlopsServerless.Core.Training;

/// <summary>Names of the hyperparameters candidates vary.</summary>
public static class Hyperparameters
{
    public const string Trees = "trees";
    public const string Leaves = "leaves";
    public const string LearningRate = "learningRate";
    public const string L2 = "l2";
}
