using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Tests.Serving;

/// <summary>Request ids: the served time, then random hex; only ids whose time is a real time are valid.</summary>
public sealed class PredictionRequestIdTests
{
    [Fact]
    public void New_StartsWithTheServedTime_AndIsValid()
    {
        var servedAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        string[] ids = [.. Enumerable.Range(0, 1000).Select(_ => PredictionRequestId.New(servedAt))];

        Assert.All(ids, id => Assert.True(PredictionRequestId.IsValid(id), id));
        Assert.All(ids, id => Assert.Equal(servedAt, PredictionRequestId.ServedAt(id)));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("9999999999999999999-0123456789ab")]
    [InlineData("3155378976000000000-0123456789ab")]
    [InlineData("0639313181288356999-0123456789AB")]
    [InlineData("0639313181288356999_0123456789ab")]
    [InlineData("063931318128835699x-0123456789ab")]
    [InlineData("0639313181288356999-0123456789a")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_RejectsIdsOfAnotherShapeOrWithoutARealTime(string? id) => Assert.False(PredictionRequestId.IsValid(id));

    [Theory]
    [InlineData("0000000000000000001-0123456789ab")]
    [InlineData("3155378975999999999-0123456789ab")]
    public void IsValid_AcceptsTheEarliestAndLatestTimes(string id) => Assert.True(PredictionRequestId.IsValid(id));
}
