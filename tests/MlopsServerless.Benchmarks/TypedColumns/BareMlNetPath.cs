using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;

namespace MlopsServerless.Benchmarks.TypedColumns;

/// <summary>
/// The same model in plain ML.NET, as a data scientist who knows the file's schema would write it: LoadFromTextFile with
/// an explicit column list (empty numeric cells as NaN), one-hot for each categorical, booleans loaded as Boolean and
/// converted to 0/1, mean + missing indicator for the numeric columns with empty cells, Concatenate in the platform's
/// order, and FastTree with the platform's options. The 80% training rows come from TrainTestSplit(0.2, seed 42): the
/// same share, not the same rows as the platform's split.
/// </summary>
public static class BareMlNetPath
{
    const int Seed = 42;
    const double TestFraction = 0.2;

    public static PathMeasurement Run(string csvPath)
    {
        var recorder = new PhaseRecorder();
        var ml = new MLContext(Seed);
        IDataView all = recorder.Run("load", () => ml.Data.LoadFromTextFile(csvPath, new TextLoader.Options
        {
            Separators = [','],
            HasHeader = true,
            MissingRealsAsNaNs = true,
            Columns = LargeDataset.Features
                .Select((f, i) => new TextLoader.Column(f.Name, f.Kind switch
                {
                    LargeDataset.Kind.Numeric => DataKind.Single,
                    LargeDataset.Kind.Boolean => DataKind.Boolean,
                    _ => DataKind.String,
                }, i))
                .Append(new TextLoader.Column("Label", DataKind.Boolean, LargeDataset.Features.Count))
                .ToArray(),
        }));
        DataOperationsCatalog.TrainTestData split = recorder.Run("split", () => ml.Data.TrainTestSplit(all, TestFraction, seed: Seed));

        ITransformer features = recorder.Run("featurize (fit)", () => Featurization(ml).Fit(split.TrainSet));
        IDataView featurized = features.Transform(split.TrainSet);
        ITransformer trainer = recorder.Run("train", () => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 20,
            LearningRate = 0.2,
            MinimumExampleCountPerLeaf = 10,
            NumberOfThreads = 1,
            Seed = Seed,
            FeatureColumnName = "Features",
        }).Fit(featurized));

        PathMeasurement measurement = recorder.Result("bare");
        CalibratedBinaryClassificationMetrics metrics = ml.BinaryClassification.Evaluate(trainer.Transform(features.Transform(split.TestSet)));
        recorder.Facts["features"] = string.Join(", ", LargeDataset.Features.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key}"));
        recorder.Facts["featureSlots"] = ((VectorDataViewType)featurized.Schema["Features"].Type).Size.ToString(CultureInfo.InvariantCulture);
        recorder.Facts["testAuc"] = metrics.AreaUnderRocCurve.ToString("0.0000", CultureInfo.InvariantCulture);
        return measurement;
    }

    static IEstimator<ITransformer> Featurization(MLContext ml)
    {
        var steps = new List<IEstimator<ITransformer>>();
        var features = new List<string>();
        foreach (LargeDataset.Column column in LargeDataset.Features)
        {
            string name = column.Name;
            switch (column.Kind)
            {
                case LargeDataset.Kind.Categorical:
                    steps.Add(ml.Transforms.Categorical.OneHotEncoding("enc." + name, name, OneHotEncodingEstimator.OutputKind.Indicator));
                    features.Add("enc." + name);
                    break;
                case LargeDataset.Kind.Boolean:
                    steps.Add(ml.Transforms.Conversion.ConvertType("num." + name, name, DataKind.Single));
                    features.Add("num." + name);
                    break;
                case LargeDataset.Kind.Numeric when column.HasMissing:
                    steps.Add(ml.Transforms.IndicateMissingValues("missing." + name, name));
                    steps.Add(ml.Transforms.Conversion.ConvertType("missingflag." + name, "missing." + name, DataKind.Single));
                    steps.Add(ml.Transforms.ReplaceMissingValues("filled." + name, name, MissingValueReplacingEstimator.ReplacementMode.Mean));
                    features.Add("filled." + name);
                    features.Add("missingflag." + name);
                    break;
                default:
                    features.Add(name);
                    break;
            }
        }

        var pipeline = new EstimatorChain<ITransformer>();
        foreach (IEstimator<ITransformer> step in steps)
        {
            pipeline = pipeline.Append(step);
        }

        return pipeline.Append(ml.Transforms.Concatenate("Features", features.ToArray()));
    }
}
