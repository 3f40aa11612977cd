using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// The ML.NET trainer for a task and a candidate configuration. Every trainer runs single-threaded with the run's
/// seed, so the same data and seed give the same model. Multiclass trainers end by mapping the predicted key back to
/// the class name.
/// </summary>
internal static class TrainerFactory
{
    public static IEstimator<ITransformer> Create(MLContext ml, ModelTask task, CandidateConfig candidate, int trainRows, int seed)
    {
        int trees = candidate.GetInt(Hyperparameters.Trees, 100);
        int leaves = candidate.GetInt(Hyperparameters.Leaves, 20);
        double learningRate = candidate.Get(Hyperparameters.LearningRate, 0.2);
        float l2 = (float)candidate.Get(Hyperparameters.L2, 0.1);
        int minLeafRows = MinimumLeafRows(trainRows);

        IEstimator<ITransformer> trainer = (task, candidate.Trainer) switch
        {
            (ModelTask.Binary, TrainerKind.FastTree) => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                { NumberOfTrees = trees, NumberOfLeaves = leaves, LearningRate = learningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
            (ModelTask.Binary, TrainerKind.LightGbm) => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                { NumberOfIterations = trees, NumberOfLeaves = leaves, LearningRate = learningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
            (ModelTask.Binary, TrainerKind.FastForest) => ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
                    { NumberOfTrees = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed })
                .Append(ml.BinaryClassification.Calibrators.Platt()),
            (ModelTask.Binary, TrainerKind.Linear) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                { L2Regularization = l2, NumberOfThreads = 1 }),
            (ModelTask.Regression, TrainerKind.FastTree) => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
                { NumberOfTrees = trees, NumberOfLeaves = leaves, LearningRate = learningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
            (ModelTask.Regression, TrainerKind.LightGbm) => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
                { NumberOfIterations = trees, NumberOfLeaves = leaves, LearningRate = learningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
            (ModelTask.Regression, TrainerKind.FastForest) => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
                { NumberOfTrees = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
            (ModelTask.Regression, TrainerKind.Linear) => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
                { L2Regularization = l2, NumberOfThreads = 1, Shuffle = false, MaximumNumberOfIterations = 50 }),
            (ModelTask.Multiclass, TrainerKind.LightGbm) => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
                    { NumberOfIterations = trees, NumberOfLeaves = leaves, LearningRate = learningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed })
                .Append(ml.Transforms.Conversion.MapKeyToValue(MlRows.PredictedClass, MlRows.PredictedLabel)),
            (ModelTask.Multiclass, TrainerKind.FastTree) => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(
                    new FastTreeBinaryTrainer.Options { NumberOfTrees = trees, NumberOfLeaves = leaves, LearningRate = learningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }))
                .Append(ml.Transforms.Conversion.MapKeyToValue(MlRows.PredictedClass, MlRows.PredictedLabel)),
            (ModelTask.Multiclass, TrainerKind.Linear) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                    { L2Regularization = l2, NumberOfThreads = 1 })
                .Append(ml.Transforms.Conversion.MapKeyToValue(MlRows.PredictedClass, MlRows.PredictedLabel)),
            _ => throw new NotSupportedException($"{candidate.Trainer} is not a {task} trainer here."),
        };

        return candidate.Trainer == TrainerKind.Linear
            ? ml.Transforms.NormalizeMeanVariance(ModelInput.Features).Append(trainer)
            : trainer;
    }

    public static int MinimumLeafRows(int trainRows) => Math.Clamp(trainRows / 20, 1, 10);
}
