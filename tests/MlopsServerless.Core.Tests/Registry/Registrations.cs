using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Registry;
using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Registry;

internal static class Registrations
{
    public static ModelRegistration For(string model, string runId, double auc = 0.8) => new(
        model, runId, $"{model}/data.csv", $"datasets/{model}/abc.csv", "abc",
        new ModelSpec("label", ModelTask.Binary, [new FeatureColumn("x1", ColumnKind.Numeric)], TrainerKind.FastTree, MissingValues.Defaults),
        new Dictionary<string, string> { ["trees"] = "100" }, 42, 0.2,
        new ModelMetrics("auc", auc, true, 20, new Dictionary<string, double> { ["auc"] = auc }),
        $"models/{model}/runs/{runId}/model.zip", $"models/{model}/runs/{runId}/reference-profile.json",
        new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
}
