using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// Fits one ML.NET model (featurisation of <see cref="FeaturePipeline"/>, then FastTree or LightGbm) on the training
/// rows of a prepared dataset. The fitted model takes the features only: for multiclass the label's key mapping is
/// fitted apart, so serving needs no label column. A LightGbm run on a host without LightGbm's native libraries fails
/// at once with what is missing (<see cref="NativeLibraryProbe"/>), not with a loader error.
/// </summary>
public sealed class ModelTrainer(IOptions<TrainingOptions> options, NativeLibraryProbe natives)
{
    const int Trees = 100;
    const int Leaves = 20;
    const double LearningRate = 0.2;

    public ModelTrainer() : this(Options.Create(new TrainingOptions()), new NativeLibraryProbe())
    {
    }

    public TrainedModel Train(PreparedDataset dataset, DataSplit split, int seed)
    {
        if (dataset.Spec.Trainer == TrainerKind.LightGbm && natives.LightGbm is { Available: false } missing)
        {
            throw new NotSupportedException(missing.Reason);
        }

        var ml = new MLContext(seed);
        IDataView trainData = new DatasetDataView(dataset, split.TrainRows, withLabel: true);
        int minLeafRows = Math.Clamp(split.TrainRows.Count / 20, 1, 10);
        var parameters = new Dictionary<string, string>
        {
            ["trainer"] = dataset.Spec.Trainer.ToString(),
            ["task"] = dataset.Spec.Task.ToString(),
            ["trees"] = Trees.ToString(CultureInfo.InvariantCulture),
            ["leaves"] = Leaves.ToString(CultureInfo.InvariantCulture),
            ["learningRate"] = LearningRate.ToString(CultureInfo.InvariantCulture),
            ["minimumExampleCountPerLeaf"] = minLeafRows.ToString(CultureInfo.InvariantCulture),
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["trainRows"] = split.TrainRows.Count.ToString(CultureInfo.InvariantCulture),
            ["testRows"] = split.TestRows.Count.ToString(CultureInfo.InvariantCulture),
        };

        IEstimator<ITransformer> features = FeaturePipeline.Build(ml, dataset, split.TrainRows, options.Value.OneHotMaxCategories, parameters);
        if (dataset.Spec.Task == ModelTask.Multiclass)
        {
            trainData = ml.Transforms.Conversion.MapValueToKey(ModelInput.Label).Fit(trainData).Transform(trainData);
        }

        ITransformer transformer = features.Append(Trainer(ml, dataset.Spec, minLeafRows, seed)).Fit(trainData);
        return new TrainedModel(transformer, ModelInput.Schema(dataset.Spec, withLabel: false), parameters);
    }

    static IEstimator<ITransformer> Trainer(MLContext ml, ModelSpec spec, int minLeafRows, int seed) => (spec.Task, spec.Trainer) switch
    {
        (ModelTask.Binary, TrainerKind.FastTree) => ml.BinaryClassification.Trainers.FastTree(
            new FastTreeBinaryTrainer.Options { NumberOfTrees = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
        (ModelTask.Binary, TrainerKind.LightGbm) => ml.BinaryClassification.Trainers.LightGbm(
            new LightGbmBinaryTrainer.Options { NumberOfIterations = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
        (ModelTask.Regression, TrainerKind.FastTree) => ml.Regression.Trainers.FastTree(
            new FastTreeRegressionTrainer.Options { NumberOfTrees = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
        (ModelTask.Regression, TrainerKind.LightGbm) => ml.Regression.Trainers.LightGbm(
            new LightGbmRegressionTrainer.Options { NumberOfIterations = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }),
        (ModelTask.Multiclass, TrainerKind.LightGbm) => ml.MulticlassClassification.Trainers.LightGbm(
                new LightGbmMulticlassTrainer.Options { NumberOfIterations = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed })
            .Append(ml.Transforms.Conversion.MapKeyToValue(MlRows.PredictedClass, MlRows.PredictedLabel)),
        (ModelTask.Multiclass, TrainerKind.FastTree) => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(
                new FastTreeBinaryTrainer.Options { NumberOfTrees = Trees, NumberOfLeaves = Leaves, LearningRate = LearningRate, MinimumExampleCountPerLeaf = minLeafRows, NumberOfThreads = 1, Seed = seed }))
            .Append(ml.Transforms.Conversion.MapKeyToValue(MlRows.PredictedClass, MlRows.PredictedLabel)),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), $"{spec.Task} with {spec.Trainer} is not supported."),
    };
}
