using Bunit;
using Portal.Features.Common;
using Portal.Features.Purchasing.Shortages;

namespace Portal.Tests.Components.Purchasing;

/// <summary>A shortage board row reads the figures the way every page writes them (Show.*), from the page the service returned.</summary>
public sealed class ShortageGridTests : ComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static ShortageRow Row(DateOnly? nextPo) => new()
    {
        ProductId = 7, WarehouseId = 2, Warehouse = "EAST", Sku = "BP-1001", Product = "Bolt pack", Supplier = "Acme Supply",
        Backordered = 1_240, Available = 40, OnOrder = 200, Uncovered = 1_000, NeedDate = new DateOnly(2026, 11, 20), Customers = 12,
        ValueAtRisk = 12_345.5m, NextPoDate = nextPo,
    };

    [Fact]
    public void A_row_shows_backordered_available_on_order_uncovered_need_date_customers_and_value_at_risk()
    {
        var requests = new List<PageRequest>();
        var grid = Context.Render<ShortageGrid>(p => p
            .Add(g => g.Today, Today)
            .Add(g => g.Load, (request, _) =>
            {
                requests.Add(request);
                return Task.FromResult(new Page<ShortageRow>([Row(new DateOnly(2026, 11, 23))], 1));
            }));

        grid.WaitForAssertion(() => Assert.NotEmpty(grid.FindAll("a.sku")));
        Assert.Equal("BP-1001", grid.Find("a.sku").TextContent);
        Assert.Equal("purchasing/shortages/7", grid.Find("a.sku").GetAttribute("href"));
        Assert.StartsWith("Acme Supply", grid.Find(".supplier").TextContent.Trim());
        Assert.Equal("purchasing/orders/new?productId=7&warehouseId=2", grid.Find("[aria-label='Raise a purchase order']").GetAttribute("href"));
        Assert.Equal("1,240", grid.Find(".backordered").TextContent);
        Assert.Equal("40", grid.Find(".available").TextContent);
        Assert.Equal("200", grid.Find(".on-order").TextContent);
        Assert.Equal("1,000", grid.Find(".uncovered").TextContent);
        Assert.Equal("Fri 20 Nov 2026", grid.Find(".need-date").TextContent);
        Assert.Equal("12", grid.Find(".customers").TextContent);
        Assert.Equal("USD 12,345.50", grid.Find(".value-at-risk").TextContent);

        // The next PO was due yesterday: it is marked late and says why.
        var late = grid.Find(".late");
        Assert.Equal("Mon 23 Nov 2026", late.TextContent);
        Assert.Equal("Overdue: expected before today", late.GetAttribute("title"));

        // The grid asks the service for the first page in its own terms, unsorted.
        Assert.Equal(new PageRequest(0, 25, null, false), Assert.Single(requests));
    }

    [Fact]
    public void A_row_without_a_purchase_order_says_so_and_a_covered_row_is_not_flagged()
    {
        var row = Row(nextPo: null) with { Uncovered = 0 };
        var grid = Context.Render<ShortageGrid>(p => p
            .Add(g => g.Today, Today)
            .Add(g => g.Load, (_, _) => Task.FromResult(new Page<ShortageRow>([row], 1))));

        grid.WaitForAssertion(() => Assert.NotEmpty(grid.FindAll("a.sku")));
        Assert.Contains("no purchase order yet", grid.Markup);
        Assert.Empty(grid.FindAll(".uncovered"));
        Assert.Equal("0", grid.Find(".covered").TextContent);
        Assert.Empty(grid.FindAll(".late"));
    }

    [Fact]
    public void The_warehouse_column_shows_only_when_there_are_several_warehouses()
    {
        IRenderedComponent<ShortageGrid> Render(bool several) => Context.Render<ShortageGrid>(p => p
            .Add(g => g.Today, Today).Add(g => g.ShowWarehouse, several)
            .Add(g => g.Load, (_, _) => Task.FromResult(new Page<ShortageRow>([Row(null)], 1))));

        var one = Render(false);
        var several = Render(true);

        one.WaitForAssertion(() => Assert.NotEmpty(one.FindAll("a.sku")));
        several.WaitForAssertion(() => Assert.NotEmpty(several.FindAll("a.sku")));
        Assert.DoesNotContain(one.FindAll("th"), th => th.TextContent.Contains("Warehouse"));
        Assert.Contains(several.FindAll("th"), th => th.TextContent.Contains("Warehouse"));
    }
}
