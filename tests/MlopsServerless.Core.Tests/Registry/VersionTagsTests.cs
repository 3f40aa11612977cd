using System.Text.Json;
using MlopsServerless.Core.Registry;

namespace MlopsServerless.Core.Tests.Registry;

public sealed class VersionTagsTests
{
    [Fact]
    public void Parse_ObjectOfStrings_IsValid()
    {
        VersionTags.Parsed parsed = VersionTags.Parse(Json("""{"owner": "risk-team", "ticket": "OPS-42", "team:region/eu": ""}"""));

        Assert.True(parsed.IsValid);
        Assert.Equal(["owner", "team:region/eu", "ticket"], parsed.Tags.Keys);
    }

    [Theory]
    [InlineData("""["a"]""", "$")]
    [InlineData("""{"owner": 3}""", "owner")]
    [InlineData("""{"owner": null}""", "owner")]
    [InlineData("""{"has space": "x"}""", "has space")]
    [InlineData("""{"": "x"}""", "")]
    [InlineData("""{"note": "line\nbreak"}""", "note")]
    public void Parse_InvalidTag_NamesIt(string json, string field)
    {
        VersionTags.Parsed parsed = VersionTags.Parse(Json(json));

        Assert.False(parsed.IsValid);
        Assert.Equal([field], parsed.Errors.Keys);
    }

    [Fact]
    public void Parse_TooLongKeyOrValue_TooManyTags_AreErrors()
    {
        Assert.Contains(new string('k', VersionTags.MaxKeyLength + 1),
            VersionTags.Parse(Json($$"""{"{{new string('k', VersionTags.MaxKeyLength + 1)}}": "v"}""")).Errors.Keys);
        Assert.False(VersionTags.Parse(Json($$"""{"k": "{{new string('v', VersionTags.MaxValueLength + 1)}}"}""")).IsValid);
        Assert.True(VersionTags.Parse(Json($$"""{"k": "{{new string('v', VersionTags.MaxValueLength)}}"}""")).IsValid);
        string many = "{" + string.Join(",", Enumerable.Range(0, VersionTags.MaxTags + 1).Select(i => $"\"t{i}\": \"v\"")) + "}";
        Assert.Equal(["$"], VersionTags.Parse(Json(many)).Errors.Keys);
    }

    static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
