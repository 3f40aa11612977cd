using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Tests.Datasets;

public sealed class LabelValuesTests
{
    [Theory]
    [InlineData(new[] { "0", "1", "1" }, ModelTask.Binary)]
    [InlineData(new[] { "yes", "No" }, ModelTask.Binary)]
    [InlineData(new[] { "1.5", "2", "3" }, ModelTask.Regression)]
    [InlineData(new[] { "1", "2", "3" }, ModelTask.Multiclass)]
    [InlineData(new[] { "cat", "dog" }, ModelTask.Multiclass)]
    public void InferTask_Labels_ReturnsTask(string[] labels, ModelTask expected)
    {
        Assert.Equal(expected, LabelValues.InferTask(labels));
    }

    [Fact]
    public void InferTask_ManyDistinctIntegers_IsRegression()
    {
        Assert.Equal(ModelTask.Regression, LabelValues.InferTask(Enumerable.Range(0, 50).Select(i => i.ToString()).ToList()));
    }

    [Theory]
    [InlineData("my-model", true)]
    [InlineData("m1", true)]
    [InlineData("My-Model", false)]
    [InlineData("-model", false)]
    [InlineData("model-", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void ModelName_IsValid(string name, bool valid)
    {
        Assert.Equal(valid, ModelName.IsValid(name));
    }

    [Theory]
    [InlineData("churn/data.csv", "churn")]
    [InlineData("churn/2026/11/data.CSV", "churn")]
    public void TryParseDataset_CsvUnderModelFolder_ReturnsModel(string blobName, string model)
    {
        Assert.Equal(model, TrainingDataPath.TryParseDataset(blobName, out _)?.Model);
    }

    [Theory]
    [InlineData("data.csv")]
    [InlineData("churn/model.json")]
    [InlineData("churn/readme.txt")]
    [InlineData("Churn/data.csv")]
    public void TryParseDataset_NotADataset_ReturnsNullWithReason(string blobName)
    {
        Assert.Null(TrainingDataPath.TryParseDataset(blobName, out string? reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }
}
