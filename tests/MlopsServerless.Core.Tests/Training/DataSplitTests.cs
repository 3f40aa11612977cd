using MlopsServerless.Core.Training;

namespace MlopsServerless.Core.Tests.Training;

public sealed class DataSplitTests
{
    [Fact]
    public void Create_SameSeed_SameSplit()
    {
        Assert.Equal(DataSplit.Create(100, 0.2, 5).TestRows, DataSplit.Create(100, 0.2, 5).TestRows);
        Assert.NotEqual(DataSplit.Create(100, 0.2, 5).TestRows, DataSplit.Create(100, 0.2, 6).TestRows);
    }

    [Fact]
    public void Create_SplitsEveryRowOnceInTheRequestedShare()
    {
        DataSplit split = DataSplit.Create(101, 0.25, 1);

        Assert.Equal(25, split.TestRows.Count);
        Assert.Equal(Enumerable.Range(0, 101), split.TrainRows.Concat(split.TestRows).Order());
    }

    [Theory]
    [InlineData(0.9, 0.8, true, true)]
    [InlineData(0.8, 0.8, true, false)]
    [InlineData(1.0, 2.0, false, true)]
    [InlineData(2.0, 1.0, false, false)]
    public void Beats_ComparesInTheMetricsDirection(double candidate, double champion, bool higherIsBetter, bool beats)
    {
        var empty = new Dictionary<string, double>();
        var a = new ModelMetrics("m", candidate, higherIsBetter, 10, empty);
        var b = new ModelMetrics("m", champion, higherIsBetter, 10, empty);

        Assert.Equal(beats, a.Beats(b));
    }
}
