using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Tests.Drift;

public sealed class DatasetDriftTests
{
    [Theory]
    [InlineData(2, 4, true)]
    [InlineData(1, 4, false)]
    [InlineData(0, 4, false)]
    [InlineData(4, 4, true)]
    public void Of_ShareOfDriftedColumns_AgainstTheThreshold(int drifted, int columns, bool expected)
    {
        DatasetDrift dataset = DatasetDrift.Of(Enumerable.Range(0, columns).Select(i => Column(i < drifted)), 0.5);

        Assert.Equal((columns, drifted, drifted / (double)columns, expected), (dataset.Columns, dataset.DriftedColumns, dataset.Share, dataset.Drifted));
    }

    [Fact]
    public void Of_ColumnsWithoutEnoughData_AreLeftOutOfTheShare()
    {
        DatasetDrift dataset = DatasetDrift.Of([Column(true), Column(false, DriftReportStatus.InsufficientData), Column(false, DriftReportStatus.InsufficientData)], 0.5);

        Assert.Equal((1, 1, 1.0, true), (dataset.Columns, dataset.DriftedColumns, dataset.Share, dataset.Drifted));
    }

    [Fact]
    public void Of_NoColumnWithEnoughData_IsNoDrift()
    {
        DatasetDrift dataset = DatasetDrift.Of([Column(false, DriftReportStatus.InsufficientData)], 0.5);

        Assert.Equal((0, 0.0, false), (dataset.Columns, dataset.Share, dataset.Drifted));
    }

    static FeatureDrift Column(bool drifted, DriftReportStatus status = DriftReportStatus.Computed) =>
        new(ColumnKind.Numeric, status, DriftMethod.Ks, null, null, 0.05, drifted, 0, 100, 100, 0, 0, null);
}
