using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Serving;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// What a champion served in a drift window, as the comparison needs it: one column of values per feature and the
/// predictions, filled entry by entry while the log is read. The log entries themselves (an array and a prediction
/// object per row, the parsed strings) are dropped as soon as they are added, so a window of a million rows holds
/// its columns, not the entries. A category is kept as one string per distinct value (up to
/// <see cref="MaxSharedCategories"/> per column), and a prediction as only what drift reads of it (no prediction region,
/// no class scores).
/// </summary>
public sealed class ServedWindow
{
    const int MaxSharedCategories = 10_000;

    readonly KeyValuePair<string, List<FeatureValue>>[] _columns;
    readonly HashSet<string>[] _categories;
    readonly List<Prediction> _outputs = [];

    public ServedWindow(IEnumerable<string> features)
    {
        _columns = features.Distinct(StringComparer.Ordinal).Select(f => KeyValuePair.Create(f, new List<FeatureValue>())).ToArray();
        _categories = _columns.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
    }

    /// <summary>Rows served in the window.</summary>
    public int Samples { get; private set; }

    public IReadOnlyList<Prediction> Outputs => _outputs;

    /// <summary>One feature's served values in the order they were added; empty for a feature the window does not keep.</summary>
    public IReadOnlyList<FeatureValue> Column(string feature) =>
        Array.Find(_columns, c => c.Key == feature).Value ?? (IReadOnlyList<FeatureValue>)[];

    /// <summary>Adds an entry's rows (an entry logged without a feature adds none to that feature's column).</summary>
    public void Add(PredictionLogEntry entry)
    {
        for (int c = 0; c < _columns.Length; c++)
        {
            int index = ColumnNames.IndexOf(entry.FeatureNames, _columns[c].Key);
            if (index >= 0)
            {
                foreach (FeatureValue[] row in entry.Inputs)
                {
                    _columns[c].Value.Add(Shared(_categories[c], row[index]));
                }
            }
        }

        foreach (Prediction prediction in entry.Outputs)
        {
            _outputs.Add(new Prediction
            {
                Value = prediction.Value, PredictedLabel = prediction.PredictedLabel, Probability = prediction.Probability,
                PredictedClass = prediction.PredictedClass,
            });
        }

        Samples += entry.Inputs.Count;
    }

    public static ServedWindow Of(IEnumerable<string> features, IEnumerable<PredictionLogEntry> entries)
    {
        var window = new ServedWindow(features);
        foreach (PredictionLogEntry entry in entries)
        {
            window.Add(entry);
        }

        return window;
    }

    static FeatureValue Shared(HashSet<string> categories, FeatureValue value)
    {
        if (value.Category is not { } category)
        {
            return value;
        }

        if (categories.TryGetValue(category, out string? shared))
        {
            return FeatureValue.Of(shared);
        }

        if (categories.Count < MaxSharedCategories)
        {
            categories.Add(category);
        }

        return value;
    }
}
