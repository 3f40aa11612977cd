using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// Scores a model on the test rows of a dataset. Primary metric: AUC for binary (accuracy when the test rows hold one
/// class only), micro accuracy for multiclass, RMSE for regression.
/// </summary>
public sealed class ModelEvaluator
{
    public ModelMetrics Evaluate(ITransformer model, PreparedDataset dataset, IReadOnlyList<int> testRows)
    {
        var ml = new MLContext(seed: 0);
        IDataView scored = model.Transform(MlRows.ToDataView(ml, ModelTaskRows.From(dataset, testRows)));
        int n = testRows.Count;
        switch (dataset.Spec.Task)
        {
            case ModelTask.Binary:
            {
                bool bothClasses = testRows.Select(i => dataset.Labels[i]).Distinct().Count() == 2;
                if (bothClasses)
                {
                    CalibratedBinaryClassificationMetrics m = ml.BinaryClassification.Evaluate(scored);
                    return new ModelMetrics("auc", m.AreaUnderRocCurve, true, n, new Dictionary<string, double>
                    {
                        ["auc"] = m.AreaUnderRocCurve, ["accuracy"] = m.Accuracy, ["f1"] = m.F1Score, ["logLoss"] = m.LogLoss,
                    });
                }

                double accuracy = BinaryAccuracy(ml, scored);
                return new ModelMetrics("accuracy", accuracy, true, n, new Dictionary<string, double> { ["accuracy"] = accuracy });
            }

            case ModelTask.Multiclass:
            {
                MulticlassClassificationMetrics m = ml.MulticlassClassification.Evaluate(scored);
                return new ModelMetrics("microAccuracy", m.MicroAccuracy, true, n, new Dictionary<string, double>
                {
                    ["microAccuracy"] = m.MicroAccuracy, ["macroAccuracy"] = m.MacroAccuracy, ["logLoss"] = m.LogLoss,
                });
            }

            case ModelTask.Regression:
            {
                RegressionMetrics m = ml.Regression.Evaluate(scored);
                return new ModelMetrics("rmse", m.RootMeanSquaredError, false, n, new Dictionary<string, double>
                {
                    ["rmse"] = m.RootMeanSquaredError, ["r2"] = m.RSquared, ["mae"] = m.MeanAbsoluteError,
                });
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(dataset));
        }
    }

    static double BinaryAccuracy(MLContext ml, IDataView scored)
    {
        var pairs = ml.Data.CreateEnumerable<LabelAndPrediction>(scored, reuseRowObject: false).ToList();
        return pairs.Count == 0 ? double.NaN : pairs.Count(p => p.Label == p.PredictedLabel) / (double)pairs.Count;
    }

    sealed class LabelAndPrediction
    {
        public bool Label { get; set; }
        public bool PredictedLabel { get; set; }
    }
}
