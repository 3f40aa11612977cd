using MlopsServerless.Core.Datasets;
using MlopsServerless.TestSupport;

namespace MlopsServerless.Core.Tests.Datasets;

public sealed class CsvEncodingAndDialectTests
{
    [Fact]
    public void Validate_TabSeparatedWithDecimalComma_ReadsNumbers()
    {
        string csv = Csv.Build("x1\tx2\tlabel", 30, i => $"{i},5\t{i % 4},25\t{i % 2}");

        ValidationResult result = Csv.Validate(csv);

        Assert.Empty(result.Errors);
        Assert.Equal(('\t', true), (result.Dialect!.Separator, result.Dialect.DecimalComma));
        Assert.Equal(29.5, result.Columns.Single(c => c.Name == "x1").Max);
    }
}
