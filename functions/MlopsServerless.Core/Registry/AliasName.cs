using System.Text.RegularExpressions;

namespace MlopsServerless.Core.Registry;

/// <summary>
/// An alias's name: lowercase letters, digits and inner hyphens, 1–32 characters. <see cref="Champion"/> is the alias
/// the pipeline moves and <c>POST /api/models/{model}/predict</c> serves; <see cref="Challenger"/> is the conventional
/// name for a version on trial; any other valid name is a user alias.
/// </summary>
public static partial class AliasName
{
    public const string Champion = "champion";
    public const string Challenger = "challenger";
    public const string Rule = "lowercase letters, digits and inner hyphens, 1 to 32 characters";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$")]
    private static partial Regex Pattern();
}
