using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Datasets;

/// <summary>
/// How a model's drift is measured when model.json says: <see cref="Method"/> for every column and the predictions
/// (model.json <c>driftMethod</c>), and <see cref="Columns"/> per feature (model.json <c>driftMethods</c>, which wins).
/// A column with neither gets the default choice (<see cref="DriftMethodChooser"/>). <see cref="Action"/> is what the
/// monitor does about drift (model.json <c>driftAction</c>; alert by default).
/// </summary>
public sealed record DriftPolicy(DriftMethod? Method, IReadOnlyDictionary<string, DriftMethod> Columns, DriftAction Action = DriftAction.Alert)
{
    public static DriftPolicy Default { get; } = new(null, new Dictionary<string, DriftMethod>());

    public DriftMethod? For(string column) => Columns.TryGetValue(column, out DriftMethod method) ? method : Method;

    public bool Equals(DriftPolicy? other) =>
        other is not null && Method == other.Method && Action == other.Action && Columns.Count == other.Columns.Count
        && Columns.All(c => other.Columns.TryGetValue(c.Key, out DriftMethod m) && m == c.Value);

    public override int GetHashCode() => HashCode.Combine(Method, Action, Columns.Count);
}
