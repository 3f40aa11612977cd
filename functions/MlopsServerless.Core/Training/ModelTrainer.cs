using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// Fits one candidate (featurisation of <see cref="FeaturePipeline"/>, then the candidate's trainer) on given rows of a
/// prepared dataset. The fitted model takes the features only: for multiclass the label's key mapping is fitted apart,
/// so serving needs no label column. A LightGbm candidate on a host without LightGbm's native libraries fails at once
/// with what is missing (<see cref="NativeLibraryProbe"/>), not with a loader error.
/// </summary>
public sealed class ModelTrainer(IOptions<TrainingOptions> options, NativeLibraryProbe natives)
{
    public ModelTrainer() : this(Options.Create(new TrainingOptions()), new NativeLibraryProbe())
    {
    }

    /// <summary>
    /// The default candidate of the spec's trainer (else LightGbm for multiclass, FastTree otherwise), fitted on all
    /// non-test rows: one model without a search.
    /// </summary>
    public TrainedModel Train(PreparedDataset dataset, DataSplit split, int seed) =>
        Train(dataset, split.TrainRows,
            DefaultCandidate(dataset.Spec.Trainer ?? (dataset.Spec.Task == ModelTask.Multiclass ? TrainerKind.LightGbm : TrainerKind.FastTree)), seed);

    public static CandidateConfig DefaultCandidate(TrainerKind trainer) =>
        CandidateSearch.Create(ModelTask.Binary, trainer, 1, NativeLibraryStatus.Loaded).Candidates[0];

    public TrainedModel Train(PreparedDataset dataset, IReadOnlyList<int> rows, CandidateConfig candidate, int seed)
    {
        if (candidate.Trainer == TrainerKind.LightGbm && natives.LightGbm is { Available: false } missing)
        {
            throw new NotSupportedException(missing.Reason);
        }

        var ml = new MLContext(seed);
        IDataView trainData = new DatasetDataView(dataset, rows, withLabel: true);
        var parameters = new Dictionary<string, string>
        {
            ["candidate"] = candidate.Id,
            ["trainer"] = candidate.Trainer.ToString(),
            ["task"] = dataset.Spec.Task.ToString(),
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["trainRows"] = rows.Count.ToString(CultureInfo.InvariantCulture),
        };
        foreach ((string name, double value) in candidate.Hyperparameters)
        {
            parameters[name] = value.ToString(CultureInfo.InvariantCulture);
        }

        if (candidate.Trainer is TrainerKind.FastTree or TrainerKind.LightGbm or TrainerKind.FastForest)
        {
            parameters["minimumExampleCountPerLeaf"] = TrainerFactory.MinimumLeafRows(rows.Count).ToString(CultureInfo.InvariantCulture);
        }

        IEstimator<ITransformer> features = FeaturePipeline.Build(ml, dataset, rows, options.Value.OneHotMaxCategories, parameters,
            imputeEveryNumber: candidate.Trainer == TrainerKind.Linear);
        if (dataset.Spec.Task == ModelTask.Multiclass)
        {
            trainData = ml.Transforms.Conversion.MapValueToKey(ModelInput.Label).Fit(trainData).Transform(trainData);
        }

        ITransformer transformer = features.Append(TrainerFactory.Create(ml, dataset.Spec.Task, candidate, rows.Count, seed)).Fit(trainData);
        return new TrainedModel(transformer, ModelInput.Schema(dataset.Spec, withLabel: false), parameters);
    }
}
