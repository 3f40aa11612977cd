using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Demo;

namespace MlopsServerless.Core.Tests.Datasets;

public sealed class DatasetValidatorTests
{
    static readonly TrainingOptions Options = new();
    readonly DatasetValidator _validator = new();

    [Fact]
    public void Validate_DemoDataWithoutSpec_InfersBinaryTaskFromLastColumn()
    {
        DatasetValidator.Result result = _validator.Validate(Csv.Read(new DemoDataset(200, 1).ToCsv()), null, Options);

        Assert.Empty(result.Errors);
        Assert.True(result.SpecInferred);
        Assert.Equal("churned", result.Spec!.LabelColumn);
        Assert.Equal(ModelTask.Binary, result.Spec.Task);
        Assert.Equal(TrainerKind.FastTree, result.Spec.Trainer);
        Assert.Equal(DemoDataset.FeatureNames, result.Spec.FeatureColumns);
        Assert.Equal(200, result.Dataset!.RowCount);
        Assert.Equal(4, result.Dataset.Features[0].Length);
    }

    [Theory]
    [InlineData(ModelTask.Regression, TrainerKind.FastTree)]
    [InlineData(ModelTask.Multiclass, TrainerKind.LightGbm)]
    public void Validate_DemoDataOfTask_InfersThatTask(ModelTask task, TrainerKind trainer)
    {
        DatasetValidator.Result result = _validator.Validate(Csv.Read(new DemoDataset(200, 1, Task: task).ToCsv()), null, Options);

        Assert.Empty(result.Errors);
        Assert.Equal(task, result.Spec!.Task);
        Assert.Equal(trainer, result.Spec.Trainer);
    }

    [Fact]
    public void Validate_NonNumericFeatureListedInSpec_ReportsColumnAndRow()
    {
        string csv = Csv.Build("x1,x2,label", 30, i => i == 4 ? "1,abc,0" : $"{i},{i % 7},{i % 2}");
        var spec = new ModelSpecDocument { LabelColumn = "label", FeatureColumns = ["x1", "x2"], Task = ModelTask.Binary };

        DatasetValidator.Result result = _validator.Validate(Csv.Read(csv), spec, Options);

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal("x2", issue.Column);
        Assert.Equal(6, issue.Row);
        Assert.Contains("'abc' is not a number", issue.Message);
        Assert.Null(result.Dataset);
    }

    [Fact]
    public void Validate_NonNumericColumnWhenInferring_LeavesItOutWithWarning()
    {
        string csv = Csv.Build("id,x1,label", 30, i => $"c{i},{i},{i % 2}");

        DatasetValidator.Result result = _validator.Validate(Csv.Read(csv), null, Options);

        Assert.Empty(result.Errors);
        Assert.Equal(["x1"], result.Spec!.FeatureColumns);
        Assert.Contains(result.Warnings, w => w.Column == "id");
    }

    [Fact]
    public void Validate_RaggedRow_ReportsRowNumber()
    {
        string csv = Csv.Build("x1,x2,label", 30, i => i == 10 ? "1,2" : $"{i},{i},{i % 2}");

        DatasetValidator.Result result = _validator.Validate(Csv.Read(csv), null, Options);

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal(12, issue.Row);
        Assert.Contains("2 cells", issue.Message);
    }

    [Fact]
    public void Validate_TooFewRows_Fails()
    {
        DatasetValidator.Result result = _validator.Validate(Csv.Read(new DemoDataset(5, 1).ToCsv()), null, Options);

        Assert.Contains(result.Errors, e => e.Message.Contains("at least 20"));
    }

    [Fact]
    public void Validate_LabelColumnMissingFromFile_NamesIt()
    {
        var spec = new ModelSpecDocument { LabelColumn = "outcome" };

        DatasetValidator.Result result = _validator.Validate(Csv.Read(new DemoDataset(50, 1).ToCsv()), spec, Options);

        Assert.Contains(result.Errors, e => e.Column == "outcome");
    }

    [Fact]
    public void Validate_TooManyEmptyCellsInFeature_FailsForThatColumn()
    {
        string csv = Csv.Build("x1,x2,label", 40, i => i % 4 == 0 ? $"{i},,{i % 2}" : $"{i},{i},{i % 2}");

        DatasetValidator.Result result = _validator.Validate(Csv.Read(csv), null, Options);

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal("x2", issue.Column);
        Assert.Contains("10 of 40 cells are empty", issue.Message);
    }

    [Fact]
    public void Validate_FewEmptyCells_KeepsThemAsMissingValues()
    {
        string csv = Csv.Build("x1,x2,label", 40, i => i == 3 ? $"{i},,{i % 2}" : $"{i},{i},{i % 2}");

        DatasetValidator.Result result = _validator.Validate(Csv.Read(csv), null, Options);

        Assert.Empty(result.Errors);
        Assert.True(float.IsNaN(result.Dataset!.Features[3][1]));
    }

    [Fact]
    public void Validate_BinaryLabelWithOtherToken_ReportsRow()
    {
        string csv = Csv.Build("x1,label", 30, i => i == 7 ? $"{i},maybe" : $"{i},{(i % 2 == 0 ? "yes" : "no")}");
        var spec = new ModelSpecDocument { Task = ModelTask.Binary };

        DatasetValidator.Result result = _validator.Validate(Csv.Read(csv), spec, Options);

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal(("label", 9), (issue.Column, issue.Row));
    }

    [Fact]
    public void Validate_SingleClass_Fails()
    {
        string csv = Csv.Build("x1,label", 30, i => $"{i},1");

        DatasetValidator.Result result = _validator.Validate(Csv.Read(csv), new ModelSpecDocument { Task = ModelTask.Binary }, Options);

        Assert.Contains(result.Errors, e => e.Message.Contains("needs at least two"));
    }

    [Fact]
    public void Validate_EmptyFile_Fails()
    {
        DatasetValidator.Result result = _validator.Validate(Csv.Read(""), null, Options);

        Assert.Contains(result.Errors, e => e.Message.Contains("empty"));
    }

    [Fact]
    public void Validate_ManyBadCellsInOneColumn_ListsTheFirstTwentyAndSaysMoreExist()
    {
        string csv = Csv.Build("x1,label", 60, i => $"bad,{i % 2}");

        DatasetValidator.Result result = _validator.Validate(Csv.Read(csv), new ModelSpecDocument { FeatureColumns = ["x1"] }, Options);

        Assert.Equal(21, result.Errors.Count);
        Assert.Contains("not listed", result.Errors[^1].Message);
    }
}
