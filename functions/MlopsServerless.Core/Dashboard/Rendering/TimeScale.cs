namespace MlopsServerless.Core.Dashboard.Rendering;

/// <summary>Maps times onto <see cref="Left"/>..<see cref="Left"/>+<see cref="Width"/>; a single instant is widened by an hour each side.</summary>
internal sealed record TimeScale(DateTimeOffset From, DateTimeOffset To, double Left, double Width)
{
    public static TimeScale Over(IEnumerable<DateTimeOffset> times, double left, double width)
    {
        DateTimeOffset[] all = times.ToArray();
        DateTimeOffset from = all.Length == 0 ? DateTimeOffset.UnixEpoch : all.Min();
        DateTimeOffset to = all.Length == 0 ? DateTimeOffset.UnixEpoch : all.Max();
        if (to - from < TimeSpan.FromMinutes(1))
        {
            (from, to) = (from.AddHours(-1), to.AddHours(1));
        }

        return new TimeScale(from, to, left, width);
    }

    public double X(DateTimeOffset time) => Left + Width * ((time - From).TotalSeconds / (To - From).TotalSeconds);

    /// <summary><paramref name="count"/> evenly spaced instants from <see cref="From"/> to <see cref="To"/>.</summary>
    public IEnumerable<DateTimeOffset> Ticks(int count) =>
        Enumerable.Range(0, count).Select(i => From + (To - From) * (i / (double)(count - 1)));

    /// <summary>Tick labels along the axis: <paramref name="count"/> instants, the first anchored at its start and the last at its end so none is cut off.</summary>
    public string TickLabels(int count, double y) => string.Concat(Ticks(count).Select((tick, i) =>
        $"<text class=\"tick\" x=\"{Markup.Coordinate(X(tick))}\" y=\"{Markup.Coordinate(y)}\" " +
        $"text-anchor=\"{(i == 0 ? "start" : i == count - 1 ? "end" : "middle")}\">{Markup.Time(tick)}</text>"));
}
