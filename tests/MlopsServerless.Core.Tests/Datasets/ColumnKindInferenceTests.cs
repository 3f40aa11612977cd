using MlopsServerless.Core.Datasets;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Datasets;

public sealed class ColumnKindInferenceTests
{
    [Fact]
    public void Validate_UnnamedColumnOfUniqueIntegersWithGaps_IsLeftOutAsAnIdentifier()
    {
        string csv = Csv.Build(",x1,label", 40, i => $"{i * 3 + i % 2},{i * 7 % 13},{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        ColumnReport index = result.Columns[0];
        Assert.Equal(("column1", ColumnKind.Identifier, ColumnReport.LeftOutRole), (index.Name, index.Kind, index.Role));
        Assert.Equal(["x1"], result.Spec!.FeatureNames);
    }

    [Fact]
    public void Validate_NamedColumnOfUniqueIntegersWithGaps_IsANumericFeature()
    {
        string csv = Csv.Build("score,x1,label", 40, i => $"{i * 3 + i % 2},{i * 7 % 13},{i % 2}");

        Assert.Equal(["score", "x1"], Csv.Validate(csv).Spec!.FeatureNames);
    }
}
