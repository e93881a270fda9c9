using Bunit;
using Portal.Features.Sales.OrderEntry;

namespace Portal.Tests.Components.Sales;

/// <summary>The lines of an order being entered: a typed quantity is taken exactly, or refused and kept out of the draft.</summary>
public sealed class DraftLinesTableTests : ComponentTest
{
    [Theory]
    [InlineData("999999999999", "Quantity must be between 1 and 1,000,000; got 999999999999.")]
    [InlineData("1.5", "Quantity must be a whole number; \"1.5\" is not.")]
    [InlineData("abc", "Quantity must be a whole number; \"abc\" is not.")]
    [InlineData("-1", "Quantity must be between 1 and 1,000,000; got -1.")]
    public void A_bad_quantity_is_refused_and_never_reaches_the_draft(string typed, string message)
    {
        var (line, changes, table) = Render();

        table.Find("#qty-1").Input(typed);

        table.WaitForAssertion(() => Assert.Contains(message, table.Markup));
        Assert.Equal(3, line.Quantity);
        Assert.Empty(changes);
        Assert.False(table.Instance.QuantitiesValid);
    }

    [Fact]
    public void A_good_quantity_changes_the_line_and_asks_for_a_new_promise()
    {
        var (line, changes, table) = Render();

        table.Find("#qty-1").Input("12");

        table.WaitForAssertion(() => Assert.Equal(12, line.Quantity));
        Assert.Single(changes);
        Assert.True(table.Instance.QuantitiesValid);
        table.WaitForAssertion(() => Assert.Contains("USD 30.00", table.Find("[data-testid=line-value]").TextContent));
    }

    private (EntryLine Line, List<int> Changes, IRenderedComponent<DraftLinesTable> Table) Render()
    {
        var line = new EntryLine(1, new OrderProduct(10, "WID-1", "Widget", 2.50m, "USD"), 3);
        var changes = new List<int>();
        var table = Context.Render<DraftLinesTable>(p => p
            .Add(t => t.Lines, [line])
            .Add(t => t.QuantityChanged, () => changes.Add(line.Quantity)));
        return (line, changes, table);
    }
}
