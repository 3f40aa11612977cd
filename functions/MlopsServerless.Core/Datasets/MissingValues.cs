namespace MlopsServerless.Core.Datasets;

/// <summary>
/// Which cell values mean "missing": an empty cell, the usual tokens (any case) and any a spec or setting adds.
/// </summary>
public sealed class MissingValues
{
    public static IReadOnlyList<string> Defaults { get; } = ["NA", "N/A", "NaN", "null", "None", "?", "#N/A"];

    readonly HashSet<string> _tokens;
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public MissingValues(IEnumerable<string> tokens)
    {
        _tokens = new HashSet<string>(tokens.Select(t => t.Trim()).Where(t => t.Length > 0), StringComparer.OrdinalIgnoreCase);
        _lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        Tokens = _tokens.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The tokens in a stable order, as recorded in a <see cref="ModelSpec"/>.</summary>
    public IReadOnlyList<string> Tokens { get; }

    public static MissingValues With(IEnumerable<string>? extra) => new(Defaults.Concat(extra ?? []));

    public bool IsMissing(ReadOnlySpan<char> cell) => cell.IsEmpty || _lookup.Contains(cell);
}
