using System.Globalization;
using System.Net;

namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>
/// The only way data reaches the page: every string from data is HTML-encoded (text and attribute values alike, quotes
/// included), every number is written with the invariant culture.
/// </summary>
internal static class Markup
{
    public static string Text(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    /// <summary>A number for people: up to <paramref name="decimals"/> decimals, invariant culture; "–" for none.</summary>
    public static string Number(double? value, int decimals = 3) => value is { } v && double.IsFinite(v)
        ? Math.Round(v, decimals).ToString("0.######", CultureInfo.InvariantCulture)
        : "–";

    /// <summary>A coordinate or size in the SVG's user units.</summary>
    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value as a data attribute carries it: round-trippable, invariant culture; empty for none.</summary>
    public static string Data(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string IsoTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A token safe in an id or class (model names are already; anything else is reduced to letters, digits and '-').</summary>
    public static string Token(string value) =>
        new(value.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
