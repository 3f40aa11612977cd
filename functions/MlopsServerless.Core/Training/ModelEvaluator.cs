using Microsoft.ML;
using Microsoft.ML.Data;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

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
        var testData = new DatasetDataView(dataset, testRows, withLabel: true);
        int n = testRows.Count;
        switch (dataset.Spec.Task)
        {
            case ModelTask.Binary:
            {
                IDataView scored = model.Transform(testData);
                bool bothClasses = testRows.Select(i => dataset.Labels[i]).Distinct().Count() == 2;
                if (bothClasses)
                {
                    CalibratedBinaryClassificationMetrics m = ml.BinaryClassification.Evaluate(scored);
                    return new ModelMetrics("auc", m.AreaUnderRocCurve, true, n, new Dictionary<string, double>
                    {
                        ["auc"] = m.AreaUnderRocCurve, ["accuracy"] = m.Accuracy, ["f1"] = m.F1Score, ["logLoss"] = m.LogLoss,
                    });
                }

                IReadOnlyList<Prediction> predictions = ModelOutput.ScoreAll(model, testData, ModelTask.Binary);
                double accuracy = n == 0 ? double.NaN
                    : testRows.Where((row, i) => (dataset.Labels[row] == "true") == predictions[i].PredictedLabel).Count() / (double)n;
                return new ModelMetrics("accuracy", accuracy, true, n, new Dictionary<string, double> { ["accuracy"] = accuracy });
            }

            case ModelTask.Multiclass:
                return MulticlassMetrics(ModelOutput.ScoreAll(model, testData, ModelTask.Multiclass), testRows.Select(r => dataset.Labels[r]).ToList());

            case ModelTask.Regression:
            {
                RegressionMetrics m = ml.Regression.Evaluate(model.Transform(testData));
                return new ModelMetrics("rmse", m.RootMeanSquaredError, false, n, new Dictionary<string, double>
                {
                    ["rmse"] = m.RootMeanSquaredError, ["r2"] = m.RSquared, ["mae"] = m.MeanAbsoluteError,
                });
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(dataset));
        }
    }

    /// <summary>Micro accuracy (share right), macro accuracy (mean recall per true class) and log-loss (probabilities clipped at 1e-15).</summary>
    static ModelMetrics MulticlassMetrics(IReadOnlyList<Prediction> predictions, IReadOnlyList<string> labels)
    {
        int n = labels.Count;
        int right = 0;
        double logLoss = 0;
        var perClass = new Dictionary<string, (int Right, int Total)>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            bool correct = predictions[i].PredictedClass == labels[i];
            right += correct ? 1 : 0;
            (int r, int t) = perClass.GetValueOrDefault(labels[i]);
            perClass[labels[i]] = (r + (correct ? 1 : 0), t + 1);
            double p = predictions[i].ClassScores?.GetValueOrDefault(labels[i]) ?? 0;
            logLoss -= Math.Log(Math.Clamp(p, 1e-15, 1));
        }

        double micro = n == 0 ? double.NaN : right / (double)n;
        double macro = perClass.Count == 0 ? double.NaN : perClass.Values.Average(c => c.Right / (double)c.Total);
        return new ModelMetrics("microAccuracy", micro, true, n, new Dictionary<string, double>
        {
            ["microAccuracy"] = micro, ["macroAccuracy"] = macro, ["logLoss"] = n == 0 ? double.NaN : logLoss / n,
        });
    }
}
