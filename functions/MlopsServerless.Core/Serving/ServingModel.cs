using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// A loaded model ready to serve. PredictionEngine is not thread-safe, so each call borrows one from a pool.
/// </summary>
public sealed class ServingModel
{
    readonly Func<float[], Prediction> _predictOne;

    ServingModel(ModelSpec spec, Func<float[], Prediction> predictOne)
    {
        Spec = spec;
        _predictOne = predictOne;
    }

    public ModelSpec Spec { get; }

    public static ServingModel Load(Stream modelZip, ModelSpec spec) => FromTransformer(ModelArtifacts.Load(modelZip), spec);

    public static ServingModel FromTransformer(ITransformer transformer, ModelSpec spec) =>
        Create(new MLContext(seed: 0), transformer, spec);

    public IReadOnlyList<Prediction> Predict(IReadOnlyList<float[]> rows) => rows.Select(_predictOne).ToList();

    static ServingModel Create(MLContext ml, ITransformer transformer, ModelSpec spec)
    {
        int n = spec.FeatureColumns.Count;
        switch (spec.Task)
        {
            case ModelTask.Binary:
            {
                var pool = Pool<BinaryRow, BinaryOutput>(ml, transformer, n);
                return new ServingModel(spec, features => Use(pool, new BinaryRow { Features = features },
                    o => new Prediction { PredictedLabel = o.PredictedLabel, Probability = o.Probability }));
            }

            case ModelTask.Regression:
            {
                var pool = Pool<RegressionRow, RegressionOutput>(ml, transformer, n);
                return new ServingModel(spec, features => Use(pool, new RegressionRow { Features = features },
                    o => new Prediction { Value = o.Score }));
            }

            case ModelTask.Multiclass:
            {
                var pool = Pool<MulticlassRow, MulticlassOutput>(ml, transformer, n);
                string[] classes = ClassNames(transformer, ml, n);
                return new ServingModel(spec, features => Use(pool, new MulticlassRow { Features = features },
                    o => new Prediction
                    {
                        PredictedClass = o.PredictedClass,
                        ClassScores = classes.Zip(o.Score).ToDictionary(p => p.First, p => (double)p.Second),
                    }));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(spec));
        }
    }

    static ObjectPool<PredictionEngine<TIn, TOut>> Pool<TIn, TOut>(MLContext ml, ITransformer transformer, int featureCount)
        where TIn : class where TOut : class, new()
    {
        var policy = new EnginePolicy<TIn, TOut>(() =>
            ml.Model.CreatePredictionEngine<TIn, TOut>(transformer, inputSchemaDefinition: MlRows.Schema<TIn>(featureCount)));
        return new DefaultObjectPool<PredictionEngine<TIn, TOut>>(policy, Environment.ProcessorCount * 2);
    }

    static Prediction Use<TIn, TOut>(ObjectPool<PredictionEngine<TIn, TOut>> pool, TIn row, Func<TOut, Prediction> map)
        where TIn : class where TOut : class, new()
    {
        PredictionEngine<TIn, TOut> engine = pool.Get();
        try
        {
            return map(engine.Predict(row));
        }
        finally
        {
            pool.Return(engine);
        }
    }

    static string[] ClassNames(ITransformer transformer, MLContext ml, int featureCount)
    {
        IDataView empty = ml.Data.LoadFromEnumerable(Array.Empty<MulticlassRow>(), MlRows.Schema<MulticlassRow>(featureCount));
        DataViewSchema.Column score = transformer.GetOutputSchema(empty.Schema)[MlRows.Score];
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        return names.DenseValues().Select(name => name.ToString()).ToArray();
    }

    sealed class EnginePolicy<TIn, TOut>(Func<PredictionEngine<TIn, TOut>> create) : PooledObjectPolicy<PredictionEngine<TIn, TOut>>
        where TIn : class where TOut : class, new()
    {
        public override PredictionEngine<TIn, TOut> Create() => create();
        public override bool Return(PredictionEngine<TIn, TOut> obj) => true;
    }
}
