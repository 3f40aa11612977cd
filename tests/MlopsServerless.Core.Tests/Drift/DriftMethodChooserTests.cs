using MlopsServerless.Core.Datasets;
using MlopsServerless.Core.Drift.Statistics;

namespace MlopsServerless.Core.Tests.Drift;

public sealed class DriftMethodChooserTests
{
    [Theory]
    [InlineData(ColumnKind.Numeric, 1000, 50, DriftMethod.Ks)]
    [InlineData(ColumnKind.Numeric, 1001, 50, DriftMethod.Wasserstein)]
    [InlineData(ColumnKind.Numeric, 800, 5, DriftMethod.ChiSquare)]
    [InlineData(ColumnKind.Numeric, 800, 2, DriftMethod.Z)]
    [InlineData(ColumnKind.Numeric, 5000, 4, DriftMethod.JensenShannon)]
    [InlineData(ColumnKind.Categorical, 1000, 3, DriftMethod.ChiSquare)]
    [InlineData(ColumnKind.Categorical, 1000, 2, DriftMethod.Z)]
    [InlineData(ColumnKind.Categorical, 1001, 2, DriftMethod.JensenShannon)]
    [InlineData(ColumnKind.Boolean, 300, 2, DriftMethod.Z)]
    [InlineData(ColumnKind.Boolean, 3000, 2, DriftMethod.JensenShannon)]
    public void Choose_ByKindReferenceSizeAndDistinctValues_AsEvidently(ColumnKind kind, int referenceCount, int distinct, DriftMethod expected)
    {
        Assert.Equal(expected, DriftMethodChooser.Choose(kind, referenceCount, distinct));
    }

    [Theory]
    [InlineData(ColumnKind.Numeric, DriftMethod.Psi, 50, DriftMethod.Psi)]
    [InlineData(ColumnKind.Numeric, DriftMethod.JensenShannon, 50, DriftMethod.JensenShannon)]
    [InlineData(ColumnKind.Categorical, DriftMethod.Z, 3, DriftMethod.ChiSquare)]
    [InlineData(ColumnKind.Categorical, DriftMethod.Z, 2, DriftMethod.Z)]
    [InlineData(ColumnKind.Categorical, DriftMethod.Wasserstein, 3, DriftMethod.ChiSquare)]
    [InlineData(ColumnKind.Boolean, DriftMethod.Ks, 2, DriftMethod.Z)]
    public void Choose_Requested_IsUsedWhereItApplies(ColumnKind kind, DriftMethod requested, int distinct, DriftMethod expected)
    {
        Assert.Equal(expected, DriftMethodChooser.Choose(kind, 500, distinct, requested));
    }
}
