namespace MlopsServerless.Core.Datasets.Inference;

/// <summary>
/// What one streaming pass learns about a column, in bounded memory: missing and present cells, numbers under either
/// decimal separator, booleans, dates, the distinct values up to a cap, text length.
/// </summary>
public sealed class ColumnStatistics(string name, int distinctCap, bool unnamed = false)
{
    public const int MaxExamples = 5;

    readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    readonly List<(int Row, string Value)> _notBooleans = [];

    public string Name { get; } = name;

    /// <summary>The header cell was empty (<see cref="Name"/> is then made up from the position), as for a pandas index.</summary>
    public bool Unnamed { get; } = unnamed;

    public int Missing { get; private set; }
    public int Present { get; private set; }
    public NumberStatistics PointNumbers { get; } = new();
    public NumberStatistics CommaNumbers { get; } = new();

    /// <summary>Cells that read as a number only with a decimal comma (<c>3,5</c>) or only with a decimal point (<c>3.5</c>).</summary>
    public int DecimalCommaCells { get; private set; }
    public int DecimalPointCells { get; private set; }

    public int Booleans { get; private set; }

    /// <summary>The first cells that are not a boolean spelling.</summary>
    public IReadOnlyList<(int Row, string Value)> NotBooleans => _notBooleans;

    public int Dates { get; private set; }
    public long TextLength { get; private set; }
    public int CellsWithSpaces { get; private set; }

    /// <summary>Distinct present values, complete unless <see cref="DistinctCapped"/>.</summary>
    public IReadOnlyCollection<string> Distinct => _distinct;
    public bool DistinctCapped { get; private set; }

    /// <summary>How many present cells had been seen when the cap was reached (equal to the cap: all distinct so far).</summary>
    public int PresentWhenCapped { get; private set; }

    public int DistinctCount => DistinctCapped ? int.MaxValue : _distinct.Count;

    public NumberStatistics Numbers(bool decimalComma) => decimalComma ? CommaNumbers : PointNumbers;

    public void AddMissing() => Missing++;

    public void Add(ReadOnlySpan<char> cell, int row)
    {
        Present++;
        TextLength += cell.Length;
        if (cell.Contains(' '))
        {
            CellsWithSpaces++;
        }

        // Each cell is parsed once per separator, and only once when it has neither separator (both read it alike).
        bool hasComma = cell.Contains(',');
        bool hasPoint = cell.Contains('.');
        bool isPointNumber = CellValues.TryParseNumber(cell, decimalComma: false, out float pointNumber);
        float commaNumber = pointNumber;
        bool isCommaNumber = hasComma || hasPoint ? CellValues.TryParseNumber(cell, decimalComma: true, out commaNumber) : isPointNumber;
        PointNumbers.Add(isPointNumber ? pointNumber : null, cell, row);
        CommaNumbers.Add(isCommaNumber ? commaNumber : null, cell, row);
        if (hasComma && !hasPoint && isCommaNumber)
        {
            DecimalCommaCells++;
        }
        else if (hasPoint && !hasComma && isPointNumber)
        {
            DecimalPointCells++;
        }

        if (CellValues.TryParseBoolean(cell, out _))
        {
            Booleans++;
        }
        else
        {
            if (_notBooleans.Count < MaxExamples)
            {
                _notBooleans.Add((row, cell.ToString()));
            }

            if (CellValues.TryParseDate(cell))
            {
                Dates++;
            }
        }

        if (DistinctCapped)
        {
            return;
        }

        var lookup = _distinct.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(cell))
        {
            return;
        }

        if (_distinct.Count == distinctCap)
        {
            DistinctCapped = true;
            PresentWhenCapped = Present - 1;
        }
        else
        {
            lookup.Add(cell);
        }
    }
}
