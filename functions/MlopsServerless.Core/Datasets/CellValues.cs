using System.Globalization;

namespace MlopsServerless.Core.Datasets;

/// <summary>How a cell's text is read as a number or a boolean (the same for features and labels, CSV and JSON).</summary>
public static class CellValues
{
    static readonly NumberFormatInfo DecimalCommaFormat = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00a0" };

    public static bool TryParseNumber(ReadOnlySpan<char> cell, bool decimalComma, out float number) =>
        float.TryParse(cell, NumberStyles.Float, decimalComma ? DecimalCommaFormat : NumberFormatInfo.InvariantInfo, out number)
        && float.IsFinite(number);

    public static bool TryParseNumber(string cell, out float number) => TryParseNumber(cell.AsSpan(), decimalComma: false, out number);

    /// <summary><c>true/false</c>, <c>yes/no</c>, <c>y/n</c>, <c>1/0</c>, any case.</summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> cell, out bool value)
    {
        cell = cell.Trim();
        if (cell.Equals("1", StringComparison.Ordinal) || cell.Equals("true", StringComparison.OrdinalIgnoreCase)
            || cell.Equals("yes", StringComparison.OrdinalIgnoreCase) || cell.Equals("y", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return cell.Equals("0", StringComparison.Ordinal) || cell.Equals("false", StringComparison.OrdinalIgnoreCase)
            || cell.Equals("no", StringComparison.OrdinalIgnoreCase) || cell.Equals("n", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A number written with a decimal comma and no decimal point, e.g. <c>3,5</c> (ambiguous <c>1,234</c> counts too).</summary>
    public static bool LooksLikeDecimalComma(ReadOnlySpan<char> cell) =>
        cell.Contains(',') && !cell.Contains('.') && TryParseNumber(cell, decimalComma: true, out _);

    /// <summary>A number written with a decimal point, e.g. <c>3.5</c>.</summary>
    public static bool LooksLikeDecimalPoint(ReadOnlySpan<char> cell) =>
        cell.Contains('.') && !cell.Contains(',') && TryParseNumber(cell, decimalComma: false, out _);

    public static bool TryParseDate(ReadOnlySpan<char> cell) =>
        (cell.Contains('-') || cell.Contains('/')) && cell.Length >= 8
        && DateTime.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _);
}
