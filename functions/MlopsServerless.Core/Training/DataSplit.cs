namespace MlopsServerless.Core.Training;

/// <summary>
/// The deterministic split of a dataset's rows, shuffled by the seed: the first <c>testFraction</c> are the test rows,
/// touched once, by the chosen candidate; of the rest, <see cref="ValidationFraction"/> are the validation rows that
/// candidates are compared on (and conformal calibration is fitted on); the others are the fit rows candidates train on.
/// Training, evaluation and promotion all call this, so they agree on which rows are which.
/// </summary>
public sealed record DataSplit(IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows, IReadOnlyList<int> FitRows, IReadOnlyList<int> ValidationRows)
{
    public const double ValidationFraction = 0.2;

    public static DataSplit Create(int rowCount, double testFraction, int seed)
    {
        int[] order = Enumerable.Range(0, rowCount).ToArray();
        new Random(seed).Shuffle(order);
        int testCount = Math.Clamp((int)Math.Round(rowCount * testFraction), 1, rowCount - 1);
        int[] train = order[testCount..];
        int validationCount = Math.Clamp((int)Math.Round(train.Length * ValidationFraction), 1, Math.Max(1, train.Length - 1));
        return new DataSplit(train.Order().ToArray(), order[..testCount].Order().ToArray(),
            train[validationCount..].Order().ToArray(), train[..validationCount].Order().ToArray());
    }
}
