using Portal.Features.Sales.Backorders;

namespace Portal.Tests.Sales.Backorders;

public sealed class BackorderCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_as_rfc4180_says(string field, string written) => Assert.Equal(written, BackorderCsv.Quote(field));

    [Fact]
    public void Export_link_carries_the_filters_and_sort()
    {
        var url = BackorderExport.Url(new BackorderFilter("ann@portal.example", 4, 9, new DateOnly(2026, 12, 1), null, true), BackorderSort.Value, true);

        Assert.Equal("/sales/backorders/export.csv?rep=ann%40portal.example&customer=4&product=9&etaFrom=2026-12-01&noPo=true&sort=Value&desc=true", url);
        Assert.Equal(BackorderExport.Path, BackorderExport.Url(new BackorderFilter(), null, false));
    }
}
