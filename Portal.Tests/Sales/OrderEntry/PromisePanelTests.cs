using System.Text.RegularExpressions;
using Bunit;
using Portal.Domain.Allocation;
using Portal.Features.Sales.OrderEntry;
using Portal.Tests.Components;

namespace Portal.Tests.Sales.OrderEntry;

/// <summary>The availability and promise panel, rendered with bunit.</summary>
public sealed class PromisePanelTests : ComponentTest
{
    private static readonly DateOnly Tuesday24 = new(2026, 11, 24);
    private static readonly DateOnly Tuesday1Dec = new(2026, 12, 1);

    [Fact]
    public void A_short_line_shows_stock_promised_incoming_and_both_dates()
    {
        var line = new LinePreview(2, 6, OnHand: 5, AvailableNow: 2, PromisedToOthers: 3, TakenByOrdersAhead: 0, WaitingAhead: 4,
            [new IncomingSupply(12, new DateOnly(2026, 11, 27), 10, false), new IncomingSupply(15, new DateOnly(2026, 11, 20), 5, true)],
            ShipsNow: 2, Tuesday1Dec, EtaBasis.PurchaseOrder, 12, "2 of 6 from stock now; the other 4: Waiting for PO-000012 due 27 Nov 2026");

        var html = Render(line, Tuesday24);

        Assert.Contains("data-testid=\"promise-2\"", html);
        Assert.Contains("<dt>On hand</dt><dd data-testid=\"on-hand\">5</dd>", html);
        Assert.Contains("<dt>Promised to others</dt><dd data-testid=\"promised\">3</dd>", html);
        Assert.Contains("<dt>Available now</dt><dd data-testid=\"available\">2</dd>", html);
        Assert.Contains("<dt>Earlier orders still waiting</dt><dd data-testid=\"waiting-ahead\">4</dd>", html);
        Assert.DoesNotContain("Goes to earlier orders", html);
        Assert.Contains("PO-000012: 10 due Fri 27 Nov 2026", html);
        Assert.Contains("PO-000015: 5 due Fri 20 Nov 2026 (overdue)", html);
        Assert.Contains("promise-overdue", html);
        Assert.Contains(">2 by Tue 24 Nov 2026, 4 by Tue 1 Dec 2026</span>", html);
        Assert.Contains("promise-part", html);
        Assert.Contains("Waiting for PO-000012", html);
    }

    [Fact]
    public void A_line_fully_in_stock_says_all_by_the_pick_date_and_that_nothing_is_incoming()
    {
        var line = new LinePreview(1, 4, 50, 50, 0, 0, 0, [], 4, Tuesday24, EtaBasis.Allocated, null, "All 4 from stock; ships by 24 Nov 2026");

        var html = Render(line, Tuesday24);

        Assert.Contains(">All 4 by Tue 24 Nov 2026</span>", html);
        Assert.Contains("promise-now", html);
        Assert.Contains("no open purchase orders", html);
    }

    [Fact]
    public void An_unknown_date_is_said_plainly()
    {
        var line = new LinePreview(1, 3, 0, 0, 0, 0, 0, [], 0, null, EtaBasis.Unknown, null, "None from stock now; 3: Unknown: no purchase order and no supplier lead time");

        var html = Render(line, Tuesday24);

        Assert.Contains(">Date unknown</span>", html);
        Assert.Contains("promise-unknown", html);
        Assert.Contains("no supplier lead time", html);
    }

    [Fact]
    public void A_ship_complete_order_shows_when_the_whole_order_leaves()
    {
        var line = new LinePreview(1, 4, 50, 50, 0, 0, 0, [], 4, Tuesday24, EtaBasis.Allocated, null, "All 4 from stock");

        var html = Render(line, Tuesday24, shipComplete: true, completeDate: Tuesday1Dec);

        Assert.Contains(">All 4 by Tue 24 Nov 2026; ships complete Tue 1 Dec 2026</span>", html);
    }

    [Fact]
    public void A_refused_line_shows_only_why()
    {
        var html = Render(LinePreview.Refused(3, 0, "Quantity must be at least 1; got 0."), Tuesday24);

        Assert.Contains("role=\"alert\">Quantity must be at least 1; got 0.</div>", html);
        Assert.DoesNotContain("Available now", html);
    }

    private string Render(LinePreview line, DateOnly stockShipDate, bool shipComplete = false, DateOnly? completeDate = null)
    {
        var panel = Context.Render<PromisePanel>(parameters => parameters
            .Add(p => p.Line, line)
            .Add(p => p.StockShipDate, stockShipDate)
            .Add(p => p.ShipComplete, shipComplete)
            .Add(p => p.ShipCompleteDate, completeDate));

        // Scoped CSS stamps every element with b-<hash>; the assertions are about content, not styling.
        return Regex.Replace(panel.Markup, " b-[a-z0-9]{10}(=\"\")?", "");
    }
}
