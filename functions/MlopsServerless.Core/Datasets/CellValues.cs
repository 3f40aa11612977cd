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

    public static bool TryParseDate(ReadOnlySpan<char> cell) =>
        (cell.Contains('-') || cell.Contains('/')) && cell.Length >= 8
        && DateTime.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _);
}
