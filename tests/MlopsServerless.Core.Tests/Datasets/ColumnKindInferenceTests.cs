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

    [Fact]
    public void Validate_MeasurementWithATypo_IsRejectedNamingColumnAndRow()
    {
        string csv = Csv.Build("bmi,x1,label", 60, i => $"{(i == 25 ? "3o.5" : $"{20 + i * 0.37:0.00}")},{i * 7 % 13},{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal(("bmi", 27), (issue.Column, issue.Row));
        Assert.Contains("'3o.5' is not a number", issue.Message);
        Assert.Equal(ColumnKind.Numeric, result.Columns[0].Kind);
    }

    [Fact]
    public void Validate_FewNumbersAndOneWord_StayCategorical()
    {
        string csv = Csv.Build("rating,x1,label", 60, i => $"{(i == 25 ? "five" : $"{1 + i % 5}")},{i * 7 % 13},{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        Assert.Empty(result.Errors);
        Assert.Equal(ColumnKind.Categorical, result.Columns[0].Kind);
        Assert.Contains("row 27 has 'five'", result.Columns[0].Reason);
    }
}
