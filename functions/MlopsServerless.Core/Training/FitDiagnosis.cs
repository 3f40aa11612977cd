using System.Text.Json.Serialization;

namespace MlopsServerless.Core.Training;

[JsonConverter(typeof(JsonStringEnumConverter<FitVerdict>))]
public enum FitVerdict
{
    Ok,
    Underfitting,
    Overfitting,
}

/// <summary>One point of a learning curve: the chosen configuration trained on <see cref="FitRows"/> rows.</summary>
public sealed record LearningCurvePoint(int FitRows, double TrainMetric, double ValidationMetric);

/// <summary>
/// Over/under-fitting evidence of the chosen candidate: its primary metric on its own training rows and on the
/// validation rows, a learning curve, and a plain verdict by these rules (primary metric m, higher-is-better ones):
/// <b>underfitting</b> when even the training metric is poor (AUC &lt; 0.7, accuracy &lt; 0.6, or for regression R² on
/// the training rows &lt; 0.3); else <b>overfitting</b> when training beats validation by more than 0.1 (AUC,
/// accuracy), or validation RMSE is more than 1.5 × training RMSE; else <b>ok</b>.
/// </summary>
public sealed record FitDiagnosis(string Metric, double TrainMetric, double ValidationMetric, IReadOnlyList<LearningCurvePoint> LearningCurve,
    FitVerdict Verdict, string Reason)
{
    public const double MaxGap = 0.1;
    public const double MaxRmseRatio = 1.5;

    public static FitDiagnosis Diagnose(ModelMetrics train, ModelMetrics validation, IReadOnlyList<LearningCurvePoint> curve)
    {
        string metric = train.PrimaryMetric;
        (FitVerdict verdict, string reason) = metric switch
        {
            "auc" when train.PrimaryValue < 0.7 => (FitVerdict.Underfitting, $"training AUC {train.PrimaryValue:0.###} < 0.7"),
            "accuracy" or "microAccuracy" when train.PrimaryValue < 0.6 => (FitVerdict.Underfitting, $"training accuracy {train.PrimaryValue:0.###} < 0.6"),
            "rmse" when train.Values.GetValueOrDefault("r2", 1) < 0.3 => (FitVerdict.Underfitting, $"training R² {train.Values["r2"]:0.###} < 0.3"),
            "rmse" when validation.PrimaryValue > MaxRmseRatio * train.PrimaryValue =>
                (FitVerdict.Overfitting, $"validation RMSE {validation.PrimaryValue:0.###} > {MaxRmseRatio} × training RMSE {train.PrimaryValue:0.###}"),
            not "rmse" when train.PrimaryValue - validation.PrimaryValue > MaxGap =>
                (FitVerdict.Overfitting, $"training {metric} {train.PrimaryValue:0.###} exceeds validation {validation.PrimaryValue:0.###} by more than {MaxGap}"),
            _ => (FitVerdict.Ok, $"training {metric} {train.PrimaryValue:0.###}, validation {validation.PrimaryValue:0.###}"),
        };
        return new FitDiagnosis(metric, Math.Round(train.PrimaryValue, 6), Math.Round(validation.PrimaryValue, 6), curve, verdict, reason);
    }
}
