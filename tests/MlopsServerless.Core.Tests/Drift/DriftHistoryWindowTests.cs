using MlopsServerless.Core.Drift;

namespace MlopsServerless.Core.Tests.Drift;

/// <summary>The from/to window of <c>GET /api/models/{model}/drift</c>: defaults, and a field-level message for each value that does not fit.</summary>
public sealed class DriftHistoryWindowTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Parse_Nothing_IsTheLastSevenDays()
    {
        DriftHistoryWindow? window = DriftHistoryWindow.Parse(null, "", Now, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Empty(errors);
        Assert.Equal(new DriftHistoryWindow(Now.AddDays(-7), Now), window);
    }

    [Theory]
    [InlineData("2026-11-20", null, "2026-11-20T00:00:00Z", "2026-11-26T10:30:00Z")]
    [InlineData(null, "2026-11-25T12:00:00Z", "2026-11-18T12:00:00Z", "2026-11-25T12:00:00Z")]
    [InlineData("2026-11-25T12:00:00+02:00", "2026-11-25T12:00:00", "2026-11-25T10:00:00Z", "2026-11-25T12:00:00Z")]
    [InlineData("2026-11-25T12:00:00Z", "2026-11-25T12:00:00Z", "2026-11-25T12:00:00Z", "2026-11-25T12:00:00Z")]
    public void Parse_IsoDates_AreUtcWithDefaultsForWhatIsLeftOut(string? from, string? to, string expectedFrom, string expectedTo)
    {
        DriftHistoryWindow? window = DriftHistoryWindow.Parse(from, to, Now, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Empty(errors);
        Assert.Equal(new DriftHistoryWindow(DateTimeOffset.Parse(expectedFrom), DateTimeOffset.Parse(expectedTo)), window);
    }

    [Theory]
    [InlineData("yesterday", null, new[] { "from" }, "not a date and time")]
    [InlineData("2026-11-20", "2026-13-01", new[] { "to" }, "not a date and time")]
    [InlineData("soon", "later", new[] { "from", "to" }, "ISO 8601")]
    [InlineData("2026-11-25", "2026-11-24", new[] { "to" }, "must not be before from")]
    [InlineData("2026-09-01", "2026-11-01", new[] { "from" }, "at most 31 days")]
    public void Parse_ValuesThatDoNotFit_AreNamedByField(string? from, string? to, string[] fields, string message)
    {
        DriftHistoryWindow? window = DriftHistoryWindow.Parse(from, to, Now, out IReadOnlyDictionary<string, string[]> errors);

        Assert.Null(window);
        Assert.Equal(fields, errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.Contains(message, Assert.Single(messages)));
    }
}
