namespace MlopsServerless.Core.Training;

/// <summary>
/// The deterministic train/test split: row indexes shuffled by the seed, the first <c>testFraction</c> are the test set.
/// Training, evaluation and promotion all call this, so they agree on which rows are test data.
/// </summary>
public sealed record DataSplit(IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows)
{
    public static DataSplit Create(int rowCount, double testFraction, int seed)
    {
        int[] order = Enumerable.Range(0, rowCount).ToArray();
        new Random(seed).Shuffle(order);
        int testCount = Math.Clamp((int)Math.Round(rowCount * testFraction), 1, rowCount - 1);
        return new DataSplit(order[testCount..].Order().ToArray(), order[..testCount].Order().ToArray());
    }
}
