using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Registry;

internal static class Registrations
{
    public static ModelRegistration For(string model, string runId, double auc = 0.8)
    {
        var metrics = new ModelMetrics("auc", auc, true, 20, new Dictionary<string, double> { ["auc"] = auc });
        var spec = new ModelSpec("label", ModelTask.Binary, [new FeatureColumn("x1", ColumnKind.Numeric)], null, MissingValues.Defaults);
        var candidate = new CandidateResult(ModelTrainer.DefaultCandidate(TrainerKind.FastTree),
            $"models/{model}/runs/{runId}/candidates/c01/model.zip", new Dictionary<string, string> { ["trees"] = "100" }, metrics, metrics, 0.5);
        var card = new ModelCard(metrics, new Dictionary<string, double> { ["x1"] = 0.1 },
            FitDiagnosis.Diagnose(metrics, metrics, []), new ConformalCalibration(0.9, 0.4, 20, 0.9), [],
            $"models/{model}/runs/{runId}/reference-profile.json", []);
        return new ModelRegistration(
            new Lineage(model, runId, $"{model}/data.csv", $"datasets/{model}/abc.csv", "abc", spec, 42, 0.2, CodeVersion.Current,
                $"validation-reports/{model}/{runId}.json"),
            candidate, card, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
