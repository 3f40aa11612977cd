using System.Reflection;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Serving;

/// <summary>
/// Explains a loaded version's predictions row by row (<see cref="Explanation"/>): ML.NET's feature contribution
/// calculation on the model's prediction transformer (for a calibrated binary model, on the sub-model whose raw score
/// the calibrator turns into a probability), over the feature vector the earlier transformers built, summed back to
/// the original columns. Built once per loaded version; when ML.NET cannot explain the model (multiclass, a trainer
/// without contributions), <see cref="Unsupported"/> says why. Like scoring, explaining a row borrows an engine from a pool.
/// </summary>
public sealed class ModelExplainer
{
    readonly ObjectPool<Engine>? _engines;

    ModelExplainer(string unsupported) => Unsupported = unsupported;

    ModelExplainer(ITransformer explaining, ModelSpec spec, int[] slotFeatures, double? bias) =>
        _engines = new DefaultObjectPool<Engine>(new EnginePolicy(explaining, spec, slotFeatures, bias), Environment.ProcessorCount * 2);

    /// <summary>Why this model's predictions cannot be explained; null when they can.</summary>
    public string? Unsupported { get; }

    public static ModelExplainer For(ITransformer model, ModelSpec spec)
    {
        if (spec.Task == ModelTask.Multiclass)
        {
            return new ModelExplainer("Feature contributions are not available for multiclass models: ML.NET calculates them for regression and binary models only.");
        }

        ISingleFeaturePredictionTransformer<object>? predictor = Flatten(model)
            .OfType<ISingleFeaturePredictionTransformer<object>>()
            .LastOrDefault(p => p.FeatureColumnName == ModelInput.Features);
        object? parameters = predictor?.Model;
        object? scoring = parameters is CalibratedModelParametersBase calibrated ? calibrated.SubModel : parameters;
        int[]? slotFeatures = FeaturePipeline.SlotFeatures(model.GetOutputSchema(ModelInput.Schema(spec, withLabel: false)), spec);
        if (predictor is null || scoring is not ICalculateFeatureContribution || slotFeatures is null
            || Estimator(new MLContext(seed: 0), predictor, slotFeatures.Length) is not { } estimator)
        {
            return new ModelExplainer(
                $"Feature contributions are not available for this model: ML.NET does not calculate them for {scoring?.GetType().Name ?? "its predictor"}.");
        }

        ITransformer contributions = estimator.Fit(model.Transform(ModelInput.Empty(spec)));
        return new ModelExplainer(new TransformerChain<ITransformer>(model, contributions), spec, slotFeatures, (scoring as LinearModelParameters)?.Bias);
    }

    /// <summary>One explanation per row of feature values in <see cref="ModelSpec.Features"/> order.</summary>
    public IReadOnlyList<Explanation> Explain(IReadOnlyList<FeatureValue[]> rows)
    {
        ObjectPool<Engine> engines = _engines ?? throw new InvalidOperationException(Unsupported);
        Engine engine = engines.Get();
        try
        {
            var explanations = new Explanation[rows.Count];
            for (int i = 0; i < rows.Count; i++)
            {
                explanations[i] = engine.Explain(rows[i]);
            }

            return explanations;
        }
        finally
        {
            engines.Return(engine);
        }
    }

    static IEnumerable<ITransformer> Flatten(ITransformer transformer) =>
        transformer is IEnumerable<ITransformer> chain ? chain.SelectMany(Flatten) : [transformer];

    /// <summary>Every slot's contribution (none dropped as a top-k would), unnormalised so they relate to the score.</summary>
    static FeatureContributionCalculatingEstimator? Estimator(MLContext ml, ISingleFeaturePredictionTransformer<object> predictor, int slots)
    {
        if (predictor is ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> uncalibrated)
        {
            return ml.Transforms.CalculateFeatureContribution(uncalibrated, slots, slots, normalize: false);
        }

        // A loaded calibrated model is typed CalibratedModelParametersBase<TSubModel, TCalibrator>, which only the generic
        // overload takes; its type arguments are known at run time only.
        Type[]? calibratedTypes = predictor.GetType().GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISingleFeaturePredictionTransformer<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(CalibratedModelParametersBase<,>))
            ?.GetGenericArguments();
        if (calibratedTypes is null || !typeof(ICalculateFeatureContribution).IsAssignableFrom(calibratedTypes[0]))
        {
            return null;
        }

        MethodInfo overload = typeof(ExplainabilityCatalog).GetMethods()
            .Single(m => m.Name == nameof(ExplainabilityCatalog.CalculateFeatureContribution) && m.IsGenericMethodDefinition);
        return (FeatureContributionCalculatingEstimator)overload.MakeGenericMethod(calibratedTypes)
            .Invoke(null, [ml.Transforms, predictor, slots, slots, false])!;
    }

    sealed class Engine
    {
        readonly FeatureRow _input;
        readonly ValueGetter<float> _score;
        readonly ValueGetter<VBuffer<float>> _contributions;
        readonly string[] _names;
        readonly int[] _slotFeatures;
        readonly double? _bias;
        VBuffer<float> _buffer;

        public Engine(ITransformer explaining, ModelSpec spec, int[] slotFeatures, double? bias)
        {
            _input = new FeatureRow(spec);
            IRowToRowMapper mapper = explaining.GetRowToRowMapper(_input.Schema);
            DataViewRow output = mapper.GetRow(_input, [mapper.OutputSchema[MlRows.Score], mapper.OutputSchema[MlRows.FeatureContributions]]);
            _score = output.GetGetter<float>(output.Schema[MlRows.Score]);
            _contributions = output.GetGetter<VBuffer<float>>(output.Schema[MlRows.FeatureContributions]);
            _names = spec.FeatureNames.ToArray();
            _slotFeatures = slotFeatures;
            _bias = bias;
        }

        public Explanation Explain(FeatureValue[] values)
        {
            _input.Set(values);
            float score = 0;
            _score(ref score);
            _contributions(ref _buffer);

            var sums = new double[_names.Length];
            ReadOnlySpan<float> contributions = _buffer.GetValues();
            ReadOnlySpan<int> slots = _buffer.IsDense ? default : _buffer.GetIndices();
            for (int i = 0; i < contributions.Length; i++)
            {
                sums[_slotFeatures[_buffer.IsDense ? i : slots[i]]] += contributions[i];
            }

            FeatureContribution[] ranked = Enumerable.Range(0, sums.Length)
                .OrderByDescending(f => Math.Abs(sums[f]))
                .Select(f => new FeatureContribution(_names[f], sums[f]))
                .ToArray();
            return new Explanation(score, _bias, ranked);
        }
    }

    sealed class EnginePolicy(ITransformer explaining, ModelSpec spec, int[] slotFeatures, double? bias) : PooledObjectPolicy<Engine>
    {
        public override Engine Create() => new(explaining, spec, slotFeatures, bias);
        public override bool Return(Engine obj) => true;
    }
}
