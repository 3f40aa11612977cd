using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Datasets;

public sealed class DatasetValidatorTests
{
    [Fact]
    public void Validate_DemoDataWithoutSpec_InfersKindsLabelAndTask()
    {
        ValidationResult result = Csv.Validate(new DemoDataset(200, 1).ToCsv());

        Assert.Empty(result.Errors);
        Assert.True(result.SpecInferred);
        Assert.Equal("churned", result.Spec!.LabelColumn);
        Assert.Equal(ModelTask.Binary, result.Spec.Task);
        Assert.Null(result.Spec.Trainer);
        Assert.Equal(DemoDataset.FeatureNames, result.Spec.FeatureNames);
        Assert.Equal(
            [ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Boolean],
            result.Spec.Features.Select(f => f.Kind));
        ColumnReport id = result.Columns.Single(c => c.Name == DemoDataset.IdColumn);
        Assert.Equal((ColumnKind.Identifier, ColumnReport.LeftOutRole), (id.Kind, id.Role));
        Assert.Contains(result.Warnings, w => w.Column == DemoDataset.IdColumn);
        Assert.Equal(200, result.LabelledRowCount);
    }

    [Theory]
    [InlineData(ModelTask.Regression)]
    [InlineData(ModelTask.Multiclass)]
    public void Validate_DemoDataOfTask_InfersThatTask(ModelTask task)
    {
        ValidationResult result = Csv.Validate(new DemoDataset(200, 1, Task: task).ToCsv());

        Assert.Empty(result.Errors);
        Assert.Equal(task, result.Spec!.Task);
    }

    [Fact]
    public void Validate_PolicyInModelJson_IsPartOfTheSpec_AndSegmentsMustBeCategoricalFeatures()
    {
        string csv = new DemoDataset(200, 1).ToCsv();
        var document = new ModelSpecDocument
        {
            Trainer = TrainerKind.LightGbm, Candidates = 3, TimeLimitSeconds = 60, SegmentColumns = ["CONTRACT"], SegmentFloor = 0.7, MinImprovement = 0.01,
        };

        ModelSpec spec = Csv.Validate(csv, document).Spec!;
        ValidationResult numericSegment = Csv.Validate(csv, document with { SegmentColumns = ["tenure_months"] });

        Assert.Equal(TrainerKind.LightGbm, spec.Trainer);
        Assert.Equal(new TrainingPolicy(3, 60, ["contract"], 0.7, TrainingPolicy.DefaultSegmentTolerance, 0.01), spec.Policy);
        Assert.Equal("tenure_months", Assert.Single(numericSegment.Errors).Column);
    }

    [Fact]
    public void Validate_TextInAColumnDeclaredNumeric_ReportsColumnAndRow()
    {
        string csv = Csv.Build("x1,x2,label", 30, i => i == 4 ? "1,abc,0" : $"{i},{i % 7},{i % 2}");
        var spec = new ModelSpecDocument { LabelColumn = "label", Columns = new Dictionary<string, ColumnKind> { ["x2"] = ColumnKind.Numeric } };

        ValidationResult result = Csv.Validate(csv, spec);

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal(("x2", 6), (issue.Column, issue.Row));
        Assert.Contains("'abc' is not a number", issue.Message);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_TextColumnWithFewValues_IsACategoricalFeature()
    {
        string csv = Csv.Build("colour,x1,label", 40, i => $"{(i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue")},{i * 7 % 13},{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        Assert.Empty(result.Errors);
        Assert.Equal([new FeatureColumn("colour", ColumnKind.Categorical), new FeatureColumn("x1", ColumnKind.Numeric)], result.Spec!.Features);
    }

    [Fact]
    public void Validate_RaggedRow_ReportsRowNumber()
    {
        string csv = Csv.Build("x1,x2,label", 30, i => i == 10 ? "1,2" : $"{i},{i},{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal(12, issue.Row);
        Assert.Contains("2 cells", issue.Message);
    }

    [Fact]
    public void Validate_UnclosedQuote_SaysAQuoteIsMissing()
    {
        ValidationResult result = Csv.Validate("a,b,label\n1,2,0\n3,\"4,1\n5,6,0\n");

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal(3, issue.Row);
        Assert.Contains("closing quote", issue.Message);
    }

    [Fact]
    public void Validate_TooFewLabelledRows_Fails()
    {
        Assert.Contains(Csv.Validate(new DemoDataset(5, 1).ToCsv()).Errors, e => e.Message.Contains("at least 20"));
    }

    [Fact]
    public void Validate_LabelColumnMissingFromFile_NamesIt()
    {
        ValidationResult result = Csv.Validate(new DemoDataset(50, 1).ToCsv(), new ModelSpecDocument { LabelColumn = "outcome" });

        Assert.Contains(result.Errors, e => e.Column == "outcome");
    }

    [Fact]
    public void Validate_FeatureMissingAboveTheLimit_IsLeftOutWithAWarning()
    {
        string csv = Csv.Build("x1,x2,label", 40, i => i % 4 != 0 ? $"{i * 7 % 13},,{i % 2}" : $"{i * 7 % 13},{i},{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        Assert.Empty(result.Errors);
        Assert.Equal(["x1"], result.Spec!.FeatureNames);
        Assert.Contains(result.Warnings, w => w.Column == "x2" && w.Message.Contains("30 of 40 cells are missing"));
    }

    [Fact]
    public void Validate_DeclaredFeatureMissingAboveTheLimit_Fails()
    {
        string csv = Csv.Build("x1,x2,label", 40, i => i % 4 != 0 ? $"{i * 7 % 13},,{i % 2}" : $"{i * 7 % 13},{i},{i % 2}");

        ValidationResult result = Csv.Validate(csv, new ModelSpecDocument { FeatureColumns = ["x1", "x2"] });

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal("x2", issue.Column);
    }

    [Theory]
    [InlineData("NA")]
    [InlineData("n/a")]
    [InlineData("NaN")]
    [InlineData("null")]
    [InlineData("None")]
    [InlineData("?")]
    [InlineData("")]
    public void Validate_MissingTokens_AreMissingValues(string token)
    {
        string csv = Csv.Build("x1,x2,label", 40, i => i % 5 == 0 ? $"{i},{token},{i % 2}" : $"{i},{i * 0.5},{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        Assert.Empty(result.Errors);
        ColumnReport x2 = result.Columns.Single(c => c.Name == "x2");
        Assert.Equal((ColumnKind.Numeric, 8, 0.2), (x2.Kind, x2.Missing, x2.MissingShare));
    }

    [Fact]
    public void Validate_ExtraMissingToken_FromSpec_IsMissing()
    {
        string csv = Csv.Build("x1,x2,label", 40, i => i % 5 == 0 ? $"{i},unknown,{i % 2}" : $"{i},{i * 0.5},{i % 2}");

        ValidationResult result = Csv.Validate(csv, new ModelSpecDocument { MissingValues = ["unknown"] });

        Assert.Equal(ColumnKind.Numeric, result.Spec!.Features.Single(f => f.Name == "x2").Kind);
        Assert.Contains("unknown", result.Spec.MissingValues);
    }

    [Fact]
    public void Validate_EmptyLabels_DropsThoseRowsWithAWarning()
    {
        string csv = Csv.Build("x1,label", 40, i => i % 8 == 0 ? $"{i * 7 % 13}," : $"{i * 7 % 13},{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        Assert.Empty(result.Errors);
        Assert.Equal((40, 35), (result.RowCount, result.LabelledRowCount));
        Assert.Contains(result.Warnings, w => w.Column == "label" && w.Message.Contains("5 rows have no label"));
    }

    [Fact]
    public void Validate_BinaryLabelWithOtherToken_ReportsRow()
    {
        string csv = Csv.Build("x1,label", 30, i => i == 7 ? $"{i},maybe" : $"{i},{(i % 2 == 0 ? "yes" : "no")}");

        ValidationResult result = Csv.Validate(csv, new ModelSpecDocument { Task = ModelTask.Binary });

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal(("label", 9), (issue.Column, issue.Row));
    }

    [Fact]
    public void Validate_SingleClass_Fails()
    {
        string csv = Csv.Build("x1,label", 30, i => $"{i % 7},1");

        ValidationResult result = Csv.Validate(csv, new ModelSpecDocument { Task = ModelTask.Binary });

        Assert.Contains(result.Errors, e => e.Message.Contains("'label' cannot be the label: it is constant"));
    }

    [Fact]
    public void Validate_LastColumnIsFreeText_RejectsNamingPlausibleLabels()
    {
        string csv = Csv.Build("size,price,name", 40, i => $"{(i % 2 == 0 ? "S" : "L")},{i * 1.5},item number {i}");

        ValidationResult result = Csv.Validate(csv);

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal("name", issue.Column);
        Assert.Contains("'name' cannot be the label", issue.Message);
        Assert.Contains("size, price", issue.Message);
        Assert.Contains("{\"labelColumn\": \"price\"}", issue.Message);
    }

    [Fact]
    public void Validate_ColumnNamedTarget_IsTheLabelWherePlaced()
    {
        string csv = Csv.Build("target,x1,note", 40, i => $"{i % 2},{i},n{i % 3}");

        Assert.Equal("target", Csv.Validate(csv).Spec!.LabelColumn);
    }

    [Fact]
    public void Validate_EmptyFile_Fails()
    {
        Assert.Contains(Csv.Validate("").Errors, e => e.Message.Contains("empty"));
    }

    [Fact]
    public void Validate_ManyBadCellsInADeclaredColumn_ListsTheFirstAndSaysHowManyRowsFailed()
    {
        string csv = Csv.Build("x1,x2,label", 60, i => $"{i},bad{i},{i % 2}");

        ValidationResult result = Csv.Validate(csv, new ModelSpecDocument { Columns = new Dictionary<string, ColumnKind> { ["x2"] = ColumnKind.Numeric } });

        Assert.Equal(5, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("x2", e.Column));
    }

    [Fact]
    public void Validate_DecimalCommaWithSemicolons_ReadsNumbers()
    {
        string csv = Csv.Build("x1;x2;label", 30, i => $"{i},5;{i % 4},25;{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        Assert.Empty(result.Errors);
        Assert.Equal((';', true), (result.Dialect!.Separator, result.Dialect.DecimalComma));
        Assert.Equal(29.5, result.Columns.Single(c => c.Name == "x1").Max);
    }

    [Theory]
    [InlineData("{\"rows\": [1, 2, 3]}", "JSON")]
    [InlineData("<html><body>hi</body></html>", "HTML")]
    public void Validate_NotACsvFile_SaysWhatItIs(string content, string kind)
    {
        ValidationIssue issue = Assert.Single(Csv.Validate(content).Errors);

        Assert.Contains(kind, issue.Message);
    }

    [Fact]
    public void Validate_OptionsChangeTheCategoryLimit()
    {
        string csv = Csv.Build("code,x1,label", 60, i => $"k{i % 30},{i},{i % 2}");

        Assert.Equal(ColumnKind.Categorical, Csv.Validate(csv).Columns[0].Kind);
        Assert.Equal(ColumnKind.FreeText, Csv.Validate(csv, options: new TrainingOptions { MaxCategories = 10 }).Columns[0].Kind);
    }
}
