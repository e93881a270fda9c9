using System.Text.RegularExpressions;
using Bunit;
using MudBlazor;
using Portal.Features.Purchasing.Trends;

namespace Portal.Tests.Components.Purchasing;

/// <summary>The trends page's charts: each type draws, and its value axis groups thousands as every figure in the portal.</summary>
public sealed class TrendChartTests : ComponentTest
{
    [Theory]
    [InlineData(ChartType.Line)]
    [InlineData(ChartType.Bar)]
    [InlineData(ChartType.StackedBar)]
    public void A_chart_of_each_type_draws_its_value_axis_with_thousands_grouped(ChartType type)
    {
        var chart = Context.Render<TrendChart>(p => p
            .Add(c => c.Title, "Value at risk (USD)")
            .Add(c => c.Type, type)
            .Add(c => c.Labels, ["1 Nov", "2 Nov"])
            .Add(c => c.Series, [new ChartSeries<double> { Name = "Value", Data = new double[] { 819_200, 901_120 } }]));

        var axis = chart.FindAll("text").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains(axis, label => Regex.IsMatch(label, @"^\d{1,3}(,\d{3})+$"));
        Assert.DoesNotContain(axis, label => Regex.IsMatch(label, @"^\d{4,}$"));
    }
}
