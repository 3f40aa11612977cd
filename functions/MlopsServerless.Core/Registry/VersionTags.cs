using System.Text.Json;
using System.Text.RegularExpressions;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// A version's tags: at most <see cref="MaxTags"/> string pairs; keys of 1–<see cref="MaxKeyLength"/> letters, digits and
/// <c>. _ - : /</c>; values of at most <see cref="MaxValueLength"/> characters without control characters.
/// </summary>
public static partial class VersionTags
{
    public const int MaxTags = 20;
    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 256;

    /// <summary>Tags from a JSON object of strings, or per field (the key, or <c>$</c> for the body) what is wrong.</summary>
    public static Parsed Parse(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["must be a JSON object of string tags, e.g. {\"owner\": \"risk-team\"}"];
            return new Parsed(tags, errors);
        }

        foreach (JsonProperty property in body.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                errors[property.Name] = ["must be a string"];
            }
            else if (Problem(property.Name, property.Value.GetString()!) is { } problem)
            {
                errors[property.Name] = [problem];
            }
            else
            {
                tags[property.Name] = property.Value.GetString()!;
            }
        }

        if (body.EnumerateObject().Count() > MaxTags)
        {
            errors["$"] = [$"at most {MaxTags} tags"];
        }

        return new Parsed(tags, errors);
    }

    /// <summary>What is wrong with one tag, or null.</summary>
    public static string? Problem(string key, string value) =>
        !KeyPattern().IsMatch(key) ? $"a tag key is 1 to {MaxKeyLength} letters, digits and . _ - : /"
        : value.Length > MaxValueLength ? $"a tag value is at most {MaxValueLength} characters"
        : value.Any(char.IsControl) ? "a tag value holds no control characters"
        : null;

    public static bool AreValid(IReadOnlyDictionary<string, string> tags) =>
        tags.Count <= MaxTags && tags.All(t => Problem(t.Key, t.Value) is null);

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,64}$")]
    private static partial Regex KeyPattern();

    public sealed record Parsed(IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, string[]> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }
}
