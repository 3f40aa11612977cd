using System.Text.Json;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Tests.Serving;

public sealed class PredictionInputTests
{
    static readonly ModelSpec Spec = new("label", ModelTask.Binary,
        [new FeatureColumn("x1", ColumnKind.Numeric), new FeatureColumn("colour", ColumnKind.Categorical), new FeatureColumn("member", ColumnKind.Boolean)],
        TrainerKind.FastTree, MissingValues.Defaults);

    static PredictionInput.Parsed Parse(string json, int maxRows = 10) =>
        PredictionInput.Parse(JsonDocument.Parse(json).RootElement, Spec, maxRows);

    [Fact]
    public void Parse_Object_ReturnsOneRowOfTypedValuesInFeatureOrder()
    {
        PredictionInput.Parsed parsed = Parse("""{"member": "Yes", "COLOUR": "red", "X1": 1.5}""");

        Assert.True(parsed.IsValid);
        Assert.False(parsed.IsBatch);
        Assert.Equal([FeatureValue.Of(1.5f), FeatureValue.Of("red"), FeatureValue.Of(1f)], Assert.Single(parsed.Rows));
    }

    [Theory]
    [InlineData("""{"x1": null, "colour": null, "member": null}""")]
    [InlineData("""{"x1": "NA", "colour": "n/a", "member": "?"}""")]
    public void Parse_NullOrMissingToken_IsMissing(string json)
    {
        Assert.All(Parse(json).Rows[0], value => Assert.True(value.IsMissing));
    }

    [Theory]
    [InlineData("true", 1f)]
    [InlineData("false", 0f)]
    [InlineData("\"n\"", 0f)]
    [InlineData("1", 1f)]
    public void Parse_BooleanSpellings_AreZeroOrOne(string member, float expected)
    {
        Assert.Equal(expected, Parse($$"""{"x1": 1, "colour": "red", "member": {{member}}}""").Rows[0][2].Number);
    }

    [Fact]
    public void Parse_FieldsThatAreNotFeatures_AreIgnoredAndListed()
    {
        PredictionInput.Parsed parsed = Parse("""{"id": "c-17", "x1": 2, "colour": "blue", "member": false, "label": 1}""");

        Assert.True(parsed.IsValid);
        Assert.Equal(["id", "label"], parsed.IgnoredFields);
    }

    [Fact]
    public void Parse_MistypedOrMissingFields_NamesEachField()
    {
        PredictionInput.Parsed parsed = Parse("""{"x1": "high", "member": "perhaps"}""");

        Assert.Equal(["colour", "member", "x1"], parsed.Errors.Keys.Order());
        Assert.Contains("string \"high\"", parsed.Errors["x1"][0]);
        Assert.Contains("required", parsed.Errors["colour"][0]);
        Assert.Contains("true/false", parsed.Errors["member"][0]);
    }

    [Fact]
    public void Parse_Array_PrefixesFieldsWithTheRowIndex()
    {
        PredictionInput.Parsed parsed = Parse("""[{"x1": 1, "colour": "a", "member": 0}, {"x1": true, "colour": "a", "member": 0}, 5]""");

        Assert.True(parsed.IsBatch);
        Assert.Equal(["[1].x1", "[2]"], parsed.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("""[{"x1":1},{"x1":1},{"x1":1}]""")]
    public void Parse_UnusableBody_ReportsTheBodyItself(string json)
    {
        Assert.Equal(["$"], Parse(json, maxRows: 2).Errors.Keys);
    }
}
