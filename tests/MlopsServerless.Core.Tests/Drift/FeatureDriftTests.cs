using MlopsServerless.Core.Configuration;
using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Drift.Statistics;
using MlopsServerless.Core.Storage;

namespace MlopsServerless.Core.Tests.Drift;

/// <summary>A column's profile against served values: the method chosen, the verdict, and the edge cases.</summary>
public sealed class FeatureDriftTests
{
    static readonly DriftOptions Options = new() { MinimumSamples = 30, PsiThreshold = 0.2 };

    [Fact]
    public void Compare_NumericLikeTraining_SmallReference_KsFindsNoDrift()
    {
        FeatureProfile profile = Numeric(Normal(800, seed: 101));

        FeatureDrift drift = profile.Compare(Values(Normal(300, seed: 202)), Options);

        Assert.Equal((DriftReportStatus.Computed, DriftMethod.Ks, false), (drift.Status, drift.Method, drift.Drifted));
        Assert.True(drift.PValue > DriftMethods.PValueThreshold, $"p = {drift.PValue}");
        Assert.Equal((800, 300, DriftMethods.PValueThreshold), (drift.ReferenceCount, drift.ObservedCount, drift.Threshold));
    }

    [Fact]
    public void Compare_NumericShiftedMean_SmallReference_KsFindsDrift()
    {
        FeatureProfile profile = Numeric(Normal(800, seed: 101));

        FeatureDrift drift = profile.Compare(Values(Normal(300, seed: 202, mean: 0.5)), Options);

        Assert.Equal((DriftMethod.Ks, true), (drift.Method, drift.Drifted));
        Assert.True(drift.PValue < 1e-6, $"p = {drift.PValue}");
        Assert.InRange(drift.Statistic!.Value, 0.15, 0.3);
    }

    [Fact]
    public void Compare_NumericLargeReference_WassersteinIsTheShiftInStandardDeviations()
    {
        FeatureProfile profile = Numeric(Normal(20_000, seed: 3, deviation: 10));

        FeatureDrift same = profile.Compare(Values(Normal(2000, seed: 4, deviation: 10)), Options);
        FeatureDrift shifted = profile.Compare(Values(Normal(2000, seed: 4, mean: 5, deviation: 10)), Options);

        Assert.Equal((DriftMethod.Wasserstein, false, 20_000), (same.Method, same.Drifted, same.ReferenceCount));
        Assert.InRange(same.Statistic!.Value, 0, 0.1);
        Assert.Null(same.PValue);
        Assert.Equal((DriftMethod.Wasserstein, true), (shifted.Method, shifted.Drifted));
        Assert.InRange(shifted.Statistic!.Value, 0.4, 0.6);
    }

    [Fact]
    public void Compare_CategoricalWithNewCategory_ChiSquaredFindsDrift_AndCountsTheUnseen()
    {
        FeatureProfile profile = Categorical(Repeat(("a", 300), ("b", 300), ("c", 200)));

        FeatureDrift same = profile.Compare(Values(Repeat(("a", 110), ("b", 115), ("c", 75))), Options);
        FeatureDrift withNew = profile.Compare(Values(Repeat(("a", 80), ("b", 80), ("c", 60), ("d", 80))), Options);

        Assert.Equal((DriftMethod.ChiSquare, false, 0), (same.Method, same.Drifted, same.UnseenCategories));
        Assert.Equal((DriftMethod.ChiSquare, true, 80), (withNew.Method, withNew.Drifted, withNew.UnseenCategories));
        Assert.True(double.IsFinite(withNew.Statistic!.Value));
        Assert.True(withNew.PValue < 1e-10);
    }

    [Fact]
    public void Compare_CategoricalLargeReference_JensenShannon()
    {
        FeatureProfile profile = Categorical(Repeat(("a", 1500), ("b", 1000), ("c", 500)));

        FeatureDrift same = profile.Compare(Values(Repeat(("a", 150), ("b", 100), ("c", 50))), Options);
        FeatureDrift swapped = profile.Compare(Values(Repeat(("a", 50), ("b", 100), ("c", 150))), Options);

        Assert.Equal((DriftMethod.JensenShannon, false), (same.Method, same.Drifted));
        Assert.Equal(0, same.Statistic!.Value, 6);
        Assert.Equal((DriftMethod.JensenShannon, true), (swapped.Method, swapped.Drifted));
    }

    [Fact]
    public void Compare_Boolean_ZTestOnTheShareOfTrue()
    {
        FeatureProfile profile = FeatureProfile.FromValues(ColumnKind.Boolean, Booleans(trues: 400, falses: 400), seed: 101);

        FeatureDrift same = profile.Compare(Booleans(trues: 100, falses: 100), Options);
        FeatureDrift moreTrue = profile.Compare(Booleans(trues: 150, falses: 50), Options);

        Assert.Equal(new Dictionary<string, int> { ["false"] = 400, ["true"] = 400 }, profile.Counts);
        Assert.Equal((DriftMethod.Z, false, 0.0, 1.0), (same.Method, same.Drifted, same.Statistic!.Value, same.PValue!.Value));
        Assert.Equal((DriftMethod.Z, true), (moreTrue.Method, moreTrue.Drifted));
        // 0.5 vs 0.75, pooled 0.55: z = 0.25 / √(0.55 · 0.45 · (1/800 + 1/200)) = 6.3564.
        Assert.Equal(6.3564, moreTrue.Statistic!.Value, 4);
    }

    [Fact]
    public void Compare_TinySamples_SayNotEnoughData_AndNeverDrift()
    {
        FeatureProfile profile = Numeric(Normal(800, seed: 101));
        FeatureProfile tinyReference = Numeric(Normal(10, seed: 101));

        FeatureDrift fewServed = profile.Compare(Values(Normal(29, seed: 202, mean: 100)), Options);
        FeatureDrift fewReference = tinyReference.Compare(Values(Normal(300, seed: 202, mean: 100)), Options);

        Assert.Equal((DriftReportStatus.InsufficientData, false, null, 29), (fewServed.Status, fewServed.Drifted, fewServed.Statistic, fewServed.ObservedCount));
        Assert.Equal((DriftReportStatus.InsufficientData, false, 10), (fewReference.Status, fewReference.Drifted, fewReference.ReferenceCount));
    }

    [Fact]
    public void Compare_MissingServedValues_AreNotCounted_AndTheirShareIsReported()
    {
        FeatureProfile profile = Numeric(Normal(800, seed: 101));
        FeatureValue[] served = [.. Values(Normal(40, seed: 202)), .. Enumerable.Repeat(FeatureValue.Missing, 60)];

        FeatureDrift drift = profile.Compare(served, Options);

        Assert.Equal((40, 0.6), (drift.ObservedCount, drift.ObservedMissingShare));
    }

    [Theory]
    [InlineData(DriftMethod.Ks)]
    [InlineData(DriftMethod.Wasserstein)]
    [InlineData(DriftMethod.ChiSquare)]
    [InlineData(DriftMethod.JensenShannon)]
    [InlineData(DriftMethod.Psi)]
    public void Compare_EveryServedValueInOneBin_IsFinite(DriftMethod method)
    {
        FeatureProfile profile = Numeric(Normal(800, seed: 101));

        FeatureDrift drift = profile.Compare(Values(Enumerable.Repeat(7.0, 100)), Options, method);

        Assert.Equal(method, drift.Method);
        Assert.True(double.IsFinite(drift.Statistic!.Value) && double.IsFinite(drift.Psi), $"{drift.Statistic}, {drift.Psi}");
        Assert.True(drift.Drifted);
    }

    [Theory]
    [InlineData(DriftMethod.ChiSquare)]
    [InlineData(DriftMethod.Z)]
    [InlineData(DriftMethod.JensenShannon)]
    [InlineData(DriftMethod.Psi)]
    public void Compare_OnlyNewCategoriesServed_IsFiniteAndDrifts(DriftMethod method)
    {
        FeatureProfile profile = Categorical(Repeat(("a", 300), ("b", 300)));

        FeatureDrift drift = profile.Compare(Values(Repeat(("x", 50), ("y", 50))), Options, method);

        Assert.True(double.IsFinite(drift.Statistic!.Value) && double.IsFinite(drift.Psi), $"{drift.Statistic}, {drift.Psi}");
        Assert.True(drift.Drifted);
        Assert.Equal(100, drift.UnseenCategories);
    }

    [Fact]
    public void Compare_RequestedPsi_IsHeldToThePsiThreshold()
    {
        FeatureProfile profile = Numeric(Normal(800, seed: 101));

        FeatureDrift drift = profile.Compare(Values(Normal(300, seed: 202, mean: 0.1)), Options, DriftMethod.Psi);

        Assert.Equal((DriftMethod.Psi, Options.PsiThreshold, drift.Psi), (drift.Method, drift.Threshold, drift.Statistic!.Value));
        Assert.Equal(drift.Psi >= Options.PsiThreshold, drift.Drifted);
    }

    [Fact]
    public void Compare_NumericWithFewValues_IsComparedByValue()
    {
        FeatureProfile profile = Numeric(Repeat((1.0, 300), (2.0, 300), (3.0, 200)));

        FeatureDrift same = profile.Compare(Values(Repeat((1.0, 110), (2.0, 115), (3.0, 75))), Options);
        FeatureDrift moved = profile.Compare(Values(Repeat((1.0, 40), (2.0, 110), (3.0, 150))), Options);

        Assert.Equal((DriftMethod.ChiSquare, false), (same.Method, same.Drifted));
        Assert.Equal((DriftMethod.ChiSquare, true), (moved.Method, moved.Drifted));
    }

    [Fact]
    public void Compare_ProfileWrittenBeforeTheStatistics_IsJudgedByPsi()
    {
        FeatureProfile current = Numeric(Normal(800, seed: 101));
        var old = new FeatureProfile(ColumnKind.Numeric, current.Histogram, 0);

        FeatureDrift drift = old.Compare(Values(Normal(300, seed: 202, mean: 2)), Options);

        Assert.Equal((DriftMethod.Psi, DriftReportStatus.Computed, true), (drift.Method, drift.Status, drift.Drifted));
    }

    [Fact]
    public void FromValues_LargeColumn_KeepsABoundedSampleDrawnByTheSeed()
    {
        FeatureValue[] values = Values(Enumerable.Range(0, 12_000).Select(i => (double)i));

        FeatureProfile first = FeatureProfile.FromValues(ColumnKind.Numeric, values, seed: 7);
        FeatureProfile again = FeatureProfile.FromValues(ColumnKind.Numeric, values, seed: 7);
        FeatureProfile other = FeatureProfile.FromValues(ColumnKind.Numeric, values, seed: 8);

        Assert.Equal(FeatureProfile.SampleSize, first.Sample!.Count);
        Assert.Equal(first.Sample, again.Sample);
        Assert.NotEqual(first.Sample, other.Sample);
        Assert.Equal(first.Sample.Order(), first.Sample);
        Assert.Equal(12_000, first.Histogram.Count);
        Assert.InRange(first.Sample.Average(), 5500, 6500);
    }

    [Fact]
    public void Profile_ThroughStorageJson_KeepsSampleAndCounts_AndReadsAnOldProfile()
    {
        FeatureProfile numeric = Numeric(Normal(100, seed: 101));
        FeatureProfile categorical = Categorical(Repeat(("a", 3), ("b", 1)));

        FeatureProfile numericBack = StorageJson.Deserialize<FeatureProfile>(StorageJson.Serialize(numeric));
        FeatureProfile categoricalBack = StorageJson.Deserialize<FeatureProfile>(StorageJson.Serialize(categorical));
        FeatureProfile old = StorageJson.Deserialize<FeatureProfile>(
            """{"kind":"Numeric","histogram":{"edges":[1],"proportions":[0.5,0.5],"count":2},"missingShare":0}""");

        Assert.Equal(numeric.Sample, numericBack.Sample);
        Assert.Equal(categorical.Counts, categoricalBack.Counts);
        Assert.Equal((null, null), (old.Sample, old.Counts));
    }

    static FeatureProfile Numeric(IEnumerable<double> values) => FeatureProfile.FromValues(ColumnKind.Numeric, Values(values), seed: 42);

    static FeatureProfile Categorical(IEnumerable<string> values) => FeatureProfile.FromValues(ColumnKind.Categorical, Values(values), seed: 42);

    static FeatureValue[] Values(IEnumerable<double> values) => values.Select(v => FeatureValue.Of((float)v)).ToArray();

    static FeatureValue[] Values(IEnumerable<string> values) => values.Select(FeatureValue.Of).ToArray();

    static FeatureValue[] Booleans(int trues, int falses) =>
        [.. Enumerable.Repeat(FeatureValue.Of(1f), trues), .. Enumerable.Repeat(FeatureValue.Of(0f), falses)];

    static IEnumerable<T> Repeat<T>(params (T Value, int Count)[] parts) => parts.SelectMany(p => Enumerable.Repeat(p.Value, p.Count));

    internal static IEnumerable<double> Normal(int count, int seed, double mean = 0, double deviation = 1)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            yield return mean + deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }
    }
}
