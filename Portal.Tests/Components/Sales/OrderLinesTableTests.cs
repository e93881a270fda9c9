using System.Text.RegularExpressions;
using Bunit;
using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Sales.OrderDetail;

namespace Portal.Tests.Components.Sales;

/// <summary>The order page's lines: each line's figures, its date and why, and the actions a line allows.</summary>
public sealed class OrderLinesTableTests : ComponentTest
{
    private static readonly OrderLineDetail Short = new(1, 10, "WID-1", "Widget", 2.50m, 6, 2, 0, 0, 4, LineStatus.PartiallyAllocated,
        new DateOnly(2026, 12, 1), EtaBasis.PurchaseOrder, false, 12, "Waiting for PO-000012 due Tue 1 Dec 2026", "2 of 6 from stock");

    private static readonly OrderLineDetail Done = new(2, 11, "BOLT-9", "Bolt", 1_234.5m, 3, 0, 2, 1, 0, LineStatus.Shipped,
        null, EtaBasis.None, false, null, null, null);

    private static readonly OrderLineDetail Unknown = new(3, 12, "NUT-2", "Nut", 1m, 5, 0, 0, 0, 5, LineStatus.Backordered,
        null, EtaBasis.Unknown, false, null, "No purchase order and no supplier lead time", null);

    [Fact]
    public void Each_line_shows_its_figures_date_and_reasons()
    {
        var table = Render(canChange: true);

        var line = table.Find("[data-testid=line-1]");
        Assert.Equal("6", Cell(line, "ordered"));
        Assert.Equal("2", Cell(line, "allocated"));
        Assert.Equal("0", Cell(line, "shipped"));
        Assert.Equal("0", Cell(line, "cancelled"));
        Assert.Equal("4", Cell(line, "backordered"));
        Assert.Equal("Partially allocated", Cell(line, "line-status"));
        Assert.Equal("Tue 1 Dec 2026 Purchase order PO-000012", Cell(line, "eta"));
        Assert.Equal("USD 15.00", Cell(line, "value"));
        Assert.Contains("Waiting for PO-000012", Cell(line, "eta-note"));
        Assert.Contains("2 of 6 from stock", Cell(line, "allocation-note"));

        Assert.Equal("USD 2,469.00", Cell(table.Find("[data-testid=line-2]"), "value")); // 3 ordered - 1 cancelled
        Assert.Equal("unknown date", Cell(table.Find("[data-testid=line-3]"), "eta"));
    }

    [Fact]
    public void Actions_are_offered_only_where_they_can_do_something()
    {
        var table = Render(canChange: true);

        Assert.False(Button(table, 1, "change-quantity").HasAttribute("disabled"));
        Assert.False(Button(table, 1, "cancel-units").HasAttribute("disabled"));
        Assert.True(Button(table, 2, "change-quantity").HasAttribute("disabled")); // all shipped or cancelled
        Assert.True(Button(table, 2, "cancel-units").HasAttribute("disabled")); // nothing left to cancel
    }

    [Fact]
    public void A_closed_order_offers_no_line_actions()
    {
        var table = Render(canChange: false);

        Assert.Empty(table.FindAll("[data-testid=change-quantity]"));
        Assert.Empty(table.FindAll("[data-testid=cancel-units]"));
    }

    [Fact]
    public void The_line_actions_hand_over_their_line()
    {
        var (changed, cancelled) = (new List<int>(), new List<int>());
        var table = Context.Render<OrderLinesTable>(p => p
            .Add(t => t.Lines, [Short, Done, Unknown]).Add(t => t.CanChange, true)
            .Add(t => t.ChangeQuantity, (OrderLineDetail l) => changed.Add(l.LineNumber))
            .Add(t => t.CancelUnits, (OrderLineDetail l) => cancelled.Add(l.LineNumber)));

        Button(table, 1, "change-quantity").Click();
        Button(table, 3, "cancel-units").Click();

        table.WaitForAssertion(() => Assert.Equal([1], changed));
        table.WaitForAssertion(() => Assert.Equal([3], cancelled));
    }

    [Fact]
    public void A_line_being_reallocated_says_so()
    {
        var table = Context.Render<OrderLinesTable>(p => p.Add(t => t.Lines, [Short with { Reallocating = true }]));

        Assert.Equal("updating…", table.Find("[data-testid=reallocating]").TextContent);
    }

    private IRenderedComponent<OrderLinesTable> Render(bool canChange) =>
        Context.Render<OrderLinesTable>(p => p.Add(t => t.Lines, [Short, Done, Unknown]).Add(t => t.CanChange, canChange));

    private static string Cell(AngleSharp.Dom.IElement line, string testId) =>
        Regex.Replace(line.QuerySelector($"[data-testid={testId}]")!.TextContent, @"\s+", " ").Trim();

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<OrderLinesTable> table, int line, string testId) =>
        table.Find($"[data-testid=line-{line}] [data-testid={testId}]");
}
