using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Drift;

/// <summary>
/// One column's reference and served values side by side, with the method chosen for them, and the verdict: numbers
/// (a numeric column's reference sample and the served numbers) or value counts (categorical and boolean columns; numbers
/// by value for chi-squared and z, and for Jensen–Shannon when the reference has at most 20 distinct values, else over
/// Sturges' equal-width bins of both samples together, as Evidently bins them).
/// </summary>
internal sealed class ColumnComparison
{
    const int MaxValuesCountedOneByOne = 20;

    readonly int _referenceCount;
    readonly int _currentCount;
    readonly double[]? _referenceNumbers;
    readonly double[]? _currentNumbers;
    readonly FrequencyTable? _counts;

    ColumnComparison(DriftMethod method, int referenceCount, int currentCount, double[]? referenceNumbers, double[]? currentNumbers,
        FrequencyTable? counts)
    {
        Method = method;
        _referenceCount = referenceCount;
        _currentCount = currentCount;
        _referenceNumbers = referenceNumbers;
        _currentNumbers = currentNumbers;
        _counts = counts;
    }

    public DriftMethod Method { get; }

    /// <summary>A categorical or boolean column: the reference's value counts (those beyond them summed in <paramref name="referenceTotal"/>) against the served values' counts.</summary>
    public static ColumnComparison OfCounts(ColumnKind kind, IReadOnlyDictionary<string, int> reference, int referenceTotal,
        IReadOnlyDictionary<string, int> current, DriftMethod? requested)
    {
        FrequencyTable table = FrequencyTable.Of(reference.ToDictionary(p => p.Key, p => (double)p.Value, StringComparer.Ordinal),
            referenceTotal - reference.Values.Sum(), current, StringComparer.Ordinal);
        return new ColumnComparison(DriftMethodChooser.Choose(kind, referenceTotal, table.Distinct, requested), referenceTotal,
            current.Values.Sum(), null, null, table);
    }

    /// <summary>A numeric column: the reference sample (of <paramref name="referenceTotal"/> values) against the served numbers.</summary>
    public static ColumnComparison OfNumbers(double[] referenceSample, int referenceTotal, double[] current, DriftMethod? requested)
    {
        // The choice only asks whether there are more than a few distinct values: stop counting there.
        var distinct = new HashSet<double>();
        foreach (double value in referenceSample.Concat(current))
        {
            if (distinct.Add(value) && distinct.Count > DriftMethodChooser.FewValues)
            {
                break;
            }
        }

        return new ColumnComparison(DriftMethodChooser.Choose(ColumnKind.Numeric, referenceTotal, distinct.Count, requested), referenceTotal,
            current.Length, referenceSample, current, null);
    }

    /// <summary>A profile written before the statistics: only its bins are known, so PSI decides.</summary>
    public static ColumnComparison OfBinsOnly(int referenceCount, int currentCount) =>
        new(DriftMethod.Psi, referenceCount, currentCount, null, null, null);

    public FeatureDrift Decide(ColumnKind kind, double psi, DriftOptions options, double expectedMissing, double observedMissing, int? unseen)
    {
        double threshold = Method == DriftMethod.Psi ? options.PsiThreshold
            : Method.IsTest() ? DriftMethods.PValueThreshold : DriftMethods.DistanceThreshold;
        if (_referenceCount < options.MinimumSamples || _currentCount < options.MinimumSamples)
        {
            return new FeatureDrift(kind, DriftReportStatus.InsufficientData, Method, null, null, threshold, false, Round(psi),
                _referenceCount, _currentCount, expectedMissing, observedMissing, unseen);
        }

        TestStatistic statistic = Compute(psi);
        bool drifted = statistic.PValue is { } p ? p < threshold : statistic.Value >= threshold;
        return new FeatureDrift(kind, DriftReportStatus.Computed, Method, Round(statistic.Value), statistic.PValue is { } pValue ? Round(pValue) : null,
            threshold, drifted, Round(psi), _referenceCount, _currentCount, expectedMissing, observedMissing, unseen);
    }

    TestStatistic Compute(double psi)
    {
        switch (Method)
        {
            case DriftMethod.Psi:
                return new TestStatistic(psi);
            case DriftMethod.Ks:
                return KolmogorovSmirnovTest.Compute(_referenceNumbers!, _currentNumbers!);
            case DriftMethod.Wasserstein:
                return new TestStatistic(WassersteinDistance.Normed(_referenceNumbers!, _currentNumbers!));
            case DriftMethod.ChiSquare:
                FrequencyTable forChi = _counts ?? ValueCounts();
                return ChiSquaredTest.Compute(forChi.Reference, forChi.Current);
            case DriftMethod.Z:
                FrequencyTable forZ = _counts ?? ValueCounts();
                double referenceHits = forZ.Reference.Count > 1 ? forZ.Reference[1] : 0;
                double currentHits = forZ.Current.Count > 1 ? forZ.Current[1] : 0;
                TestStatistic z = ProportionZTest.Compute(referenceHits, forZ.Reference.Sum(), currentHits, forZ.Current.Sum());
                return z with { Value = Math.Abs(z.Value) };
            default:
                FrequencyTable forDistance = _counts
                    ?? (_referenceNumbers!.Distinct().Count() > MaxValuesCountedOneByOne ? SturgesBins() : ValueCounts());
                return new TestStatistic(JensenShannonDistance.Compute(forDistance.Reference, forDistance.Current));
        }
    }

    FrequencyTable ValueCounts() => FrequencyTable.Of(
        _referenceNumbers!.GroupBy(v => v).ToDictionary(g => g.Key, g => (double)g.Count()), 0, CategoryCounts.Of(_currentNumbers!), Comparer<double>.Default);

    /// <summary>numpy's <c>histogram_bin_edges(…, "sturges")</c>: ⌈log₂ n⌉ + 1 equal-width bins over both samples' range.</summary>
    FrequencyTable SturgesBins()
    {
        double[] all = [.. _referenceNumbers!, .. _currentNumbers!];
        double min = all.Min(), max = all.Max();
        int bins = max > min ? (int)Math.Ceiling(Math.Log2(all.Length) + 1) : 1;
        double width = max > min ? (max - min) / bins : 1;
        double[] Count(double[] values)
        {
            var counts = new double[bins];
            foreach (double v in values)
            {
                counts[Math.Clamp((int)((v - min) / width), 0, bins - 1)]++;
            }

            return counts;
        }

        return new FrequencyTable(Count(_referenceNumbers!), Count(_currentNumbers!));
    }

    static double Round(double value) => Math.Round(value, 6);

    /// <summary>Counts per value for both sides, over the values either side holds (one row per value, in order).</summary>
    sealed record FrequencyTable(IReadOnlyList<double> Reference, IReadOnlyList<double> Current)
    {
        public int Distinct => Reference.Where((r, i) => r + Current[i] > 0).Count();

        /// <summary>
        /// Reference counts per value, plus <paramref name="referenceOther"/> for values it did not keep: served values not
        /// among the kept ones are then counted in that "other" row; otherwise each is a row of its own (0 in the reference).
        /// </summary>
        public static FrequencyTable Of<TKey>(IReadOnlyDictionary<TKey, double> reference, double referenceOther,
            IReadOnlyDictionary<TKey, int> currentCounts, IComparer<TKey> order) where TKey : notnull
        {
            var referenceRows = new List<double>();
            var currentRows = new List<double>();
            foreach (TKey key in reference.Keys.Order(order))
            {
                referenceRows.Add(reference[key]);
                currentRows.Add(currentCounts.GetValueOrDefault(key));
            }

            double currentOther = 0;
            foreach (TKey key in currentCounts.Keys.Where(k => !reference.ContainsKey(k)).Order(order))
            {
                if (referenceOther > 0)
                {
                    currentOther += currentCounts[key];
                }
                else
                {
                    referenceRows.Add(0);
                    currentRows.Add(currentCounts[key]);
                }
            }

            if (referenceOther > 0)
            {
                referenceRows.Add(referenceOther);
                currentRows.Add(currentOther);
            }

            return new FrequencyTable(referenceRows, currentRows);
        }
    }
}
