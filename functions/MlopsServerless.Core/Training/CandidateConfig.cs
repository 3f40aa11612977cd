using System.Globalization;
using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Training;

/// <summary>
/// One candidate of a training run: its id within the run (<c>c01</c>, <c>c02</c>…), its trainer family and the
/// hyperparameters it tries. The same id always names the same configuration for the same task, budget and spec.
/// </summary>
public sealed record CandidateConfig(string Id, TrainerKind Trainer, IReadOnlyDictionary<string, double> Hyperparameters)
{
    public double Get(string name, double fallback) => Hyperparameters.TryGetValue(name, out double value) ? value : fallback;

    public int GetInt(string name, int fallback) => (int)Get(name, fallback);

    public override string ToString() =>
        $"{Id} {Trainer}({string.Join(", ", Hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}"))})";

    public bool Equals(CandidateConfig? other) =>
        other is not null && Id == other.Id && Trainer == other.Trainer
        && Hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(other.Hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Id, Trainer);
}
