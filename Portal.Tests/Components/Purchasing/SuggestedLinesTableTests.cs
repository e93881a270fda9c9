using Bunit;
using Portal.Features.Purchasing.Suggestions;

namespace Portal.Tests.Components.Purchasing;

/// <summary>The suggested lines under review: each unit cost starts at the last cost, and a missing or bad one stops the raise, named.</summary>
public sealed class SuggestedLinesTableTests : ComponentTest
{
    private static SuggestedLine Line(int id, string sku, decimal? lastCost) =>
        new(id, sku, "Part", Backordered: 9, Available: 2, OnOrder: 0, Uncovered: 7, PackSize: 5, SuggestedQuantity: 10, LeadTimeDays: 10,
            ExpectedDate: new DateOnly(2026, 12, 8), NeedDate: new DateOnly(2026, 11, 30), LastCost: lastCost);

    private IRenderedComponent<SuggestedLinesTable> Render(params SuggestedLine[] lines) =>
        Context.Render<SuggestedLinesTable>(p => p
            .Add(t => t.Lines, lines)
            .Add(t => t.Drafts, lines.ToDictionary(l => l.ProductId, SuggestedLineDraft.For)));

    [Fact]
    public async Task Each_cost_starts_at_the_last_cost_and_a_product_never_bought_is_named_until_it_has_one()
    {
        var table = Render(Line(1, "HINGE-1", 9.5m), Line(2, "CLAMP-4", null));

        Assert.Equal("9.5", table.Find("input#cost-1").GetAttribute("value"));
        Assert.Equal("Unit cost of CLAMP-4", await FirstInvalid(table));
        table.Render();
        Assert.Contains("Unit cost is required.", table.Markup);

        table.Find("input#cost-2").Input("3.75");

        Assert.Null(await FirstInvalid(table));
    }

    [Theory]
    [InlineData("0", "Unit cost must be between 0.0001 and 1,000,000; got 0.")]
    [InlineData("-2", "Unit cost must be between 0.0001 and 1,000,000; got -2.")]
    [InlineData("abc", "Unit cost must be a number with a point for decimals; \"abc\" is not.")]
    public async Task A_bad_cost_is_refused_under_its_box_and_stops_the_raise(string typed, string message)
    {
        var table = Render(Line(1, "HINGE-1", 9.5m));

        table.Find("input#cost-1").Input(typed);

        Assert.Contains(message, table.Markup);
        Assert.Equal("Unit cost of HINGE-1", await FirstInvalid(table));
    }

    // As the raise button does: on the renderer's thread, so an empty box can show why under itself.
    private static Task<string?> FirstInvalid(IRenderedComponent<SuggestedLinesTable> table) =>
        table.InvokeAsync(() => table.Instance.FirstInvalid());
}
