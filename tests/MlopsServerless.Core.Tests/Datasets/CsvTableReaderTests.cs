using MlopsServerless.Core.Datasets;

namespace MlopsServerless.Core.Tests.Datasets;

public sealed class CsvTableReaderTests
{
    [Fact]
    public void Read_QuotedFieldsAndBlankLines_ReturnsCells()
    {
        RawTable table = Csv.Read("a,b,label\n1,\"2,5\",yes\n\n3, 4 ,no\n");

        Assert.Equal(["a", "b", "label"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["1", "2,5", "yes"], table.Rows[0]);
        Assert.Equal(["3", "4", "no"], table.Rows[1]);
    }

    [Fact]
    public void Read_UnclosedQuote_ThrowsNamingTheLine()
    {
        var exception = Assert.Throws<InvalidDataException>(() => Csv.Read("a,b\n1,2\n3,\"4\n"));

        Assert.Contains("line 3", exception.Message);
    }

    [Fact]
    public void Read_EmptyFile_ReturnsNoHeader()
    {
        Assert.Empty(Csv.Read("").Header);
    }
}
