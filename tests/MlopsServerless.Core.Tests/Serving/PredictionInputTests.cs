using System.Text.Json;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Tests.Serving;

public sealed class PredictionInputTests
{
    static readonly ModelSpec Spec = new("label", ModelTask.Binary, ["x1", "x2"], TrainerKind.FastTree);

    static PredictionInput.Parsed Parse(string json, int maxRows = 10) =>
        PredictionInput.Parse(JsonDocument.Parse(json).RootElement, Spec, maxRows);

    [Fact]
    public void Parse_Object_ReturnsOneRowInFeatureOrder()
    {
        PredictionInput.Parsed parsed = Parse("""{"x2": 2.5, "X1": 1}""");

        Assert.True(parsed.IsValid);
        Assert.False(parsed.IsBatch);
        Assert.Equal([1f, 2.5f], Assert.Single(parsed.Rows));
    }

    [Fact]
    public void Parse_NullValue_IsMissing()
    {
        Assert.True(float.IsNaN(Parse("""{"x1": null, "x2": 1}""").Rows[0][0]));
    }

    [Fact]
    public void Parse_BadFields_NamesEachField()
    {
        PredictionInput.Parsed parsed = Parse("""{"x1": "high", "colour": 3, "label": 1}""");

        Assert.Equal(["colour", "label", "x1", "x2"], parsed.Errors.Keys.Order());
        Assert.Contains("string \"high\"", parsed.Errors["x1"][0]);
        Assert.Contains("required", parsed.Errors["x2"][0]);
        Assert.Contains("is the label", parsed.Errors["label"][0]);
    }

    [Fact]
    public void Parse_Array_PrefixesFieldsWithTheRowIndex()
    {
        PredictionInput.Parsed parsed = Parse("""[{"x1": 1, "x2": 2}, {"x1": true, "x2": 2}, 5]""");

        Assert.True(parsed.IsBatch);
        Assert.Equal(["[1].x1", "[2]"], parsed.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("""[{"x1":1,"x2":1},{"x1":1,"x2":1},{"x1":1,"x2":1}]""")]
    public void Parse_UnusableBody_ReportsTheBodyItself(string json)
    {
        Assert.Equal(["$"], Parse(json, maxRows: 2).Errors.Keys);
    }
}
