using System.Text;
using MlopsServerless.Core.Configuration;
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

    [Fact]
    public void Validate_Latin1Text_NamesTheFirstCellThatIsNotUtf8()
    {
        string csv = Csv.Build("visits,city,label", 30, i => $"{i},{(i < 5 ? "Bern" : "Zürich")},{i % 2}");

        ValidationResult result = Validate(Encoding.Latin1.GetBytes(csv));

        ValidationIssue issue = Assert.Single(result.Errors);
        Assert.Equal(("city", 7), (issue.Column, issue.Row));
        Assert.Contains("not UTF-8", issue.Message);
    }

    [Fact]
    public void Validate_Utf16Text_SaysSo()
    {
        byte[] bytes = [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("x1\tlabel\n1\t0\n")];

        ValidationIssue issue = Assert.Single(Validate(bytes).Errors);

        Assert.Contains("UTF-16", issue.Message);
    }

    [Fact]
    public void Validate_ControlBytes_AreBinary()
    {
        ValidationIssue issue = Assert.Single(Validate([.. "x1,label\n1,"u8, 0x03, 0x04, .. "\n"u8]).Errors);

        Assert.Contains("binary", issue.Message);
    }

    static ValidationResult Validate(byte[] bytes) =>
        new DatasetValidator().ValidateAsync(new MemoryStream(bytes), null, new TrainingOptions(), CancellationToken.None)
            .GetAwaiter().GetResult();
}
