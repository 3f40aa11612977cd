namespace MlopsServerless.Core.Datasets.Inference;

/// <summary>The numbers of a column read under one decimal separator: count, range, mean, and the first cells that are not numbers.</summary>
public sealed class NumberStatistics
{
    readonly List<(int Row, string Value)> _notNumbers = [];
    double _previous = double.NaN;

    public int Count { get; private set; }
    public int Integers { get; private set; }

    /// <summary>Every value is the previous plus one (a row index).</summary>
    public bool IsSequence { get; private set; } = true;

    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public double Sum { get; private set; }
    public double? Mean => Count == 0 ? null : Sum / Count;

    public IReadOnlyList<(int Row, string Value)> NotNumbers => _notNumbers;

    /// <summary>Counts <paramref name="number"/>, the cell read under this separator, or <paramref name="cell"/> as not a number when it is null.</summary>
    public void Add(float? number, ReadOnlySpan<char> cell, int row)
    {
        if (number is not { } parsed)
        {
            if (_notNumbers.Count < ColumnStatistics.MaxExamples)
            {
                _notNumbers.Add((row, cell.ToString()));
            }

            return;
        }

        double value = parsed;
        Count++;
        if (value == Math.Round(value))
        {
            Integers++;
        }

        if (!double.IsNaN(_previous) && value != _previous + 1)
        {
            IsSequence = false;
        }

        _previous = value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
        Sum += value;
    }
}
