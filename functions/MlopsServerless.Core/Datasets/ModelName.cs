using System.Text.RegularExpressions;

namespace MlopsServerless.Core.Datasets;

/// <summary>A model's name: lowercase letters, digits and inner hyphens, 1–63 characters (safe as a blob prefix and table key).</summary>
public static partial class ModelName
{
    public const string Rule = "lowercase letters, digits and inner hyphens, 1 to 63 characters";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Pattern();
}
