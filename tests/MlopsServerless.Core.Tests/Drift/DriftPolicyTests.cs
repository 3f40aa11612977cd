using System.Text.Json;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Drift.Statistics;
using MlopsServerless.Core.Storage;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Drift;

/// <summary>
/// model.json's <c>driftMethod</c> and <c>driftMethods</c> (read by Evidently's names) and <c>driftAction</c>: validated,
/// kept in the spec.
/// </summary>
public sealed class DriftPolicyTests
{
    [Fact]
    public void ModelJson_DriftMethods_ReadByTheirEvidentlyNames()
    {
        var document = StorageJson.Deserialize<ModelSpecDocument>(
            """{"driftMethod": "psi", "driftMethods": {"tenure_months": "wasserstein", "contract": "jensenshannon", "x": "chisquare", "y": "ks", "z": "z"}}""");

        Assert.Equal(DriftMethod.Psi, document.DriftMethod);
        Assert.Equal(
            new Dictionary<string, DriftMethod>
            {
                ["tenure_months"] = DriftMethod.Wasserstein, ["contract"] = DriftMethod.JensenShannon, ["x"] = DriftMethod.ChiSquare,
                ["y"] = DriftMethod.Ks, ["z"] = DriftMethod.Z,
            },
            document.DriftMethods);
        Assert.Equal("\"jensenshannon\"", StorageJson.Serialize(DriftMethod.JensenShannon));
    }

    [Fact]
    public void Validate_DriftMethods_AreKeptInTheSpecUnderTheColumnsOwnNames()
    {
        var document = new ModelSpecDocument
        {
            DriftMethod = DriftMethod.Psi,
            DriftMethods = new Dictionary<string, DriftMethod> { ["TENURE_MONTHS"] = DriftMethod.Wasserstein, ["contract"] = DriftMethod.Z },
        };

        ModelSpec spec = Csv.Validate(new DemoDataset(200, 1).ToCsv(), document).Spec!;

        Assert.Equal(DriftMethod.Wasserstein, spec.Drift.For("tenure_months"));
        Assert.Equal(DriftMethod.Z, spec.Drift.For("contract"));
        Assert.Equal(DriftMethod.Psi, spec.Drift.For("usage_hours"));
        Assert.NotEqual(spec, spec with { Drift = DriftPolicy.Default });
    }

    [Fact]
    public void Validate_NoDriftFields_DefaultChoiceEverywhere()
    {
        ModelSpec spec = Csv.Validate(new DemoDataset(200, 1).ToCsv()).Spec!;

        Assert.Equal(DriftPolicy.Default, spec.Drift);
        Assert.Null(spec.Drift.For("tenure_months"));
    }

    [Theory]
    [InlineData("contract", DriftMethod.Ks, "compares numbers")]
    [InlineData("paperless_billing", DriftMethod.Wasserstein, "compares numbers")]
    [InlineData("customer_id", DriftMethod.Psi, "not a feature")]
    [InlineData("no_such_column", DriftMethod.Psi, "not in the file")]
    public void Validate_DriftMethodThatCannotApply_IsAnErrorNamingTheColumn(string column, DriftMethod method, string message)
    {
        var document = new ModelSpecDocument { DriftMethods = new Dictionary<string, DriftMethod> { [column] = method } };

        ValidationResult result = Csv.Validate(new DemoDataset(200, 1).ToCsv(), document);

        ValidationIssue error = Assert.Single(result.Errors);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ModelJson_DriftAction_ReadByName_KeptInTheSpec_AlertByDefault()
    {
        var document = StorageJson.Deserialize<ModelSpecDocument>("""{"driftAction": "retrain"}""");

        ModelSpec spec = Csv.Validate(new DemoDataset(200, 1).ToCsv(), document).Spec!;

        Assert.Equal(DriftAction.Retrain, spec.Drift.Action);
        Assert.Equal(DriftAction.Alert, Csv.Validate(new DemoDataset(200, 1).ToCsv()).Spec!.Drift.Action);
        Assert.NotEqual(spec, spec with { Drift = spec.Drift with { Action = DriftAction.Alert } });
        Assert.Equal("\"retrain\"", StorageJson.Serialize(DriftAction.Retrain));
    }

    [Fact]
    public void StoredSpec_WrittenBeforeDriftActions_ReadsAsAlert() =>
        Assert.Equal(DriftAction.Alert, StorageJson.Deserialize<DriftPolicy>("""{"method": "psi", "columns": {}}""").Action);

    [Fact]
    public void ModelJson_UnknownDriftAction_IsNotAValidSpec_NamingTheField()
    {
        var error = Assert.Throws<JsonException>(() => StorageJson.Deserialize<ModelSpecDocument>("""{"driftAction": "sometimes"}"""));

        Assert.Contains("$.driftAction", error.Message);
    }

    [Fact]
    public void Validate_DriftActionNumberOutOfRange_IsAnErrorSayingWhatItMayBe()
    {
        var document = StorageJson.Deserialize<ModelSpecDocument>("""{"driftAction": 7}""");

        ValidationIssue error = Assert.Single(Csv.Validate(new DemoDataset(200, 1).ToCsv(), document).Errors);

        Assert.Contains("driftAction", error.Message);
        Assert.Contains("\"alert\" or \"retrain\"", error.Message);
    }
}
