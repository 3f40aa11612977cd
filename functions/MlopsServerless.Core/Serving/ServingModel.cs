using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// A loaded model ready to serve rows of typed feature values. Scoring a row is not thread-safe in ML.NET, so each
/// call borrows an engine (an input row, the model's row mapper over it, and the output getters) from a pool.
/// </summary>
public sealed class ServingModel
{
    readonly ObjectPool<RowEngine> _engines;
    readonly Lazy<ModelExplainer> _explainer;

    ServingModel(ModelSpec spec, ITransformer transformer)
    {
        Spec = spec;
        _engines = new DefaultObjectPool<RowEngine>(new EnginePolicy(transformer, spec), Environment.ProcessorCount * 2);
        _explainer = new Lazy<ModelExplainer>(() => ModelExplainer.For(transformer, spec));
    }

    public ModelSpec Spec { get; }

    /// <summary>The model's explainer, built when a request first asks for explanations and kept with the model.</summary>
    public ModelExplainer Explainer => _explainer.Value;

    public static ServingModel Load(Stream modelZip, ModelSpec spec) => FromTransformer(ModelArtifacts.Load(modelZip), spec);

    public static ServingModel FromTransformer(ITransformer transformer, ModelSpec spec) => new(spec, transformer);

    /// <summary>Predictions for rows of feature values in <see cref="ModelSpec.Features"/> order.</summary>
    public IReadOnlyList<Prediction> Predict(IReadOnlyList<FeatureValue[]> rows)
    {
        RowEngine engine = _engines.Get();
        try
        {
            var predictions = new Prediction[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                predictions[i] = engine.Predict(rows[i]);
            }

            return predictions;
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    sealed class RowEngine
    {
        readonly FeatureRow _input;
        readonly Func<Prediction> _read;

        public RowEngine(ITransformer transformer, ModelSpec spec)
        {
            _input = new FeatureRow(spec);
            IRowToRowMapper mapper = transformer.GetRowToRowMapper(_input.Schema);
            DataViewRow output = mapper.GetRow(_input, ModelOutput.Columns(mapper.OutputSchema, spec.Task));
            _read = ModelOutput.Reader(output, spec.Task);
        }

        public Prediction Predict(FeatureValue[] values)
        {
            _input.Set(values);
            return _read();
        }
    }

    sealed class EnginePolicy(ITransformer transformer, ModelSpec spec) : PooledObjectPolicy<RowEngine>
    {
        public override RowEngine Create() => new(transformer, spec);
        public override bool Return(RowEngine obj) => true;
    }
}
