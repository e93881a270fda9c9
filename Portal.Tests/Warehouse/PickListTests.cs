using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Warehouse;
using Portal.Features.Warehouse.Picking;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Tests.Notifications;

namespace Portal.Tests.Warehouse;

public sealed class PickListTestsOnSqlite() : PickListTests(DatabaseProvider.Sqlite);

public sealed class PickListTestsOnPostgres() : PickListTests(DatabaseProvider.Postgres);

public sealed class PickListTestsOnSqlServer() : PickListTests(DatabaseProvider.SqlServer);

/// <summary>The pick list: released stock an order at a time, in allocation priority, searched and filtered on the server.</summary>
public abstract class PickListTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private static readonly DateOnly Soon = TestData.Today.AddDays(5);

    private readonly ManualClock clock = new(TestData.Now);

    private sealed record Shop(int Expedited, int Tier1Early, int Tier1Late, int Tier1Undated, int Tier3, int Tier3Twin, int Later, int Held, int Waiting);

    // Orders whose priority differs by one key at a time (docs/allocation.md#priority), one on hold and one ship-complete
    // order still waiting, all allocated by a real run.
    private async Task<Shop> ShopAsync()
    {
        Shop shop;
        int bolt, valve;
        await using (var db = NewContext())
        {
            var s = new PickListShop(db);
            var (bolts, valves) = (s.Product(sku: "BOLT-M6"), s.Product(onHand: 100, sku: "VALVE-HALF"));
            var acme = s.Customer("Acme Builders", tier: 1, code: "K100");
            var harbor = s.Customer("Harbor Hardware", tier: 3, code: "K200", shipTo: "Harbor Hardware\r\n12 Quay Street\nBristol BS1 4DJ");
            var zenith = s.Customer("Zenith Tools", tier: 5, code: "K300");
            shop = new Shop(
                Expedited: s.Order(zenith, 10, [(bolts, 1)], expedite: true).Id,
                Tier1Early: s.Order(acme, 50, [(bolts, 1)], requested: Soon).Id,
                Tier1Late: s.Order(acme, 5, [(bolts, 1)], requested: Soon).Id,
                Tier1Undated: s.Order(acme, 200, [(bolts, 1)]).Id,
                Tier3: s.Order(harbor, 100, [(bolts, 2), (valves, 3)]).Id,
                Tier3Twin: s.Order(harbor, 100, [(valves, 1)]).Id,
                Later: s.Order(harbor, 20, [(bolts, 1)], requested: Soon.AddDays(5)).Id,
                Held: s.Order(acme, 300, [(bolts, 2)], expedite: true).Id,
                Waiting: s.Order(s.Customer("Keystone HVAC", tier: 5, shipComplete: true), 400, [(bolts, 1), (valves, 500)]).Id);
            (bolt, valve) = (bolts.Id, valves.Id);
        }

        await using var portal = Portal();
        await portal.Scoped<AllocationService>().RunProductAsync(bolt);
        await portal.Scoped<AllocationService>().RunProductAsync(valve);
        await using (var db = NewContext())
        {
            (await db.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == shop.Held)).PutOnHold();
            await db.SaveChangesAsync();
        }

        return shop;
    }

    private PortalInstance Portal() => new(Db, clock, new Dictionary<string, string?>());

    private async Task<List<PickOrder>> EveryPageAsync(PickListFilter filter, int pageSize = 2)
    {
        await using var portal = Portal();
        var picking = portal.Scoped<PickingService>();
        var all = new List<PickOrder>();
        for (var skip = 0; ; skip += pageSize)
        {
            var page = await picking.PickListAsync(filter, new PageRequest(skip, pageSize));
            all.AddRange(page.Rows);
            if (page.Rows.Count < pageSize)
            {
                Assert.Equal(page.Total, all.Count);
                return all;
            }
        }
    }

    [Fact]
    public async Task Orders_come_a_page_at_a_time_in_allocation_priority_with_their_released_lines()
    {
        var shop = await ShopAsync();

        var listed = await EveryPageAsync(new PickListFilter());

        // Expedite, then tier, then the requested date (none last), then placed time, then order number. The held order and
        // the ship-complete order still waiting are not released.
        int[] expected = [shop.Expedited, shop.Tier1Early, shop.Tier1Late, shop.Tier1Undated, shop.Later, shop.Tier3, shop.Tier3Twin];
        Assert.Equal(expected, listed.Select(o => o.OrderId));
        Assert.Equal(await DomainPriorityAsync(listed.Select(o => o.OrderId)), listed.Select(o => o.OrderId));
        var tier3 = listed.Single(o => o.OrderId == shop.Tier3);
        Assert.Equal([(1, "BOLT-M6", 2), (2, "VALVE-HALF", 3)], tier3.Lines.Select(l => (l.LineNumber, l.Sku, l.Allocated)));
        Assert.Equal(("K200", "Harbor Hardware", 5), (tier3.CustomerCode, tier3.Customer, tier3.Units));
    }

    [Fact]
    public async Task The_overview_counts_what_the_pick_list_lists()
    {
        await ShopAsync();
        var listed = await EveryPageAsync(new PickListFilter(), pageSize: 25);
        await using var portal = Portal();

        var overview = await portal.Scoped<WarehouseOverviewService>().GetAsync();

        Assert.Equal((listed.Count, listed.Sum(o => o.Lines.Count), listed.Sum(o => o.Units)),
            (overview.OrdersToPick.Total, overview.LinesToPick.Total, overview.UnitsToPick));
    }

    [Theory]
    [InlineData("order number")]
    [InlineData("order id")]
    [InlineData("customer number")]
    [InlineData("customer name")]
    [InlineData("sku")]
    public async Task Search_finds_orders_by_order_number_customer_or_sku(string by)
    {
        var shop = await ShopAsync();
        var (search, expected) = by switch
        {
            "order number" => (SalesOrder.Format(shop.Tier1Late), new[] { shop.Tier1Late }),
            "order id" => ($" so-{shop.Tier1Late} ", new[] { shop.Tier1Late }),
            "customer number" => ("k200", new[] { shop.Later, shop.Tier3, shop.Tier3Twin }),
            "customer name" => ("zenith", new[] { shop.Expedited }),
            _ => ("valve", new[] { shop.Tier3, shop.Tier3Twin }), // the waiting ship-complete order holds valves too, unreleased
        };

        var found = await EveryPageAsync(new PickListFilter(search));

        Assert.Equal(expected, found.Select(o => o.OrderId));
    }

    [Fact]
    public async Task Ship_by_keeps_orders_requested_up_to_that_day_and_those_with_no_requested_date()
    {
        var shop = await ShopAsync();

        var due = await EveryPageAsync(new PickListFilter(ShipBy: Soon));
        var beforeAnyRequest = await EveryPageAsync(new PickListFilter(ShipBy: Soon.AddDays(-1)));

        Assert.DoesNotContain(shop.Later, due.Select(o => o.OrderId));
        Assert.Contains(shop.Tier1Early, due.Select(o => o.OrderId));
        Assert.Contains(shop.Tier1Undated, due.Select(o => o.OrderId));
        Assert.All(beforeAnyRequest, o => Assert.Null(o.RequestedShipDate));
        Assert.Equal(due.Count - 2, beforeAnyRequest.Count);
    }

    [Fact]
    public async Task An_order_placed_after_three_hundred_others_is_reachable_by_paging_and_by_search()
    {
        int last, product;
        await using (var db = NewContext())
        {
            var shop = new PickListShop(db);
            var bolts = shop.Product(onHand: 1_000);
            var customer = shop.Customer();
            db.SalesOrders.AddRange(Enumerable.Range(0, 320).Select(i => shop.NewOrder(customer, minutesAgo: 1_000 - i, [(bolts, 2)])));
            await db.SaveChangesAsync();
            last = shop.Order(shop.Customer("Last Orders Ltd", tier: 5), 0, [(bolts, 3)]).Id;
            product = bolts.Id;
        }

        await using var portal = Portal();
        await portal.Scoped<AllocationService>().RunProductAsync(product);
        var picking = portal.Scoped<PickingService>();

        var first = await picking.PickListAsync(new PickListFilter(), new PageRequest(0, 300));
        var rest = await picking.PickListAsync(new PickListFilter(), new PageRequest(300, 25));
        var searched = await picking.PickListAsync(new PickListFilter(SalesOrder.Format(last)), new PageRequest());

        Assert.Equal(321, first.Total);
        Assert.DoesNotContain(last, first.Rows.Select(o => o.OrderId));
        Assert.Equal(last, rest.Rows[^1].OrderId);
        Assert.Equal(21, rest.Rows.Count);
        Assert.Equal(3, Assert.Single(Assert.Single(searched.Rows).Lines).Allocated);
    }

    [Fact]
    public async Task A_pick_ticket_lists_what_the_pick_list_lists_and_says_why_an_order_is_not_released()
    {
        var shop = await ShopAsync();
        await using var portal = Portal();
        var picking = portal.Scoped<PickingService>();
        var listed = Assert.Single((await picking.PickListAsync(new PickListFilter(SalesOrder.Format(shop.Tier3)), new PageRequest())).Rows);

        var ticket = await picking.PickTicketAsync(shop.Tier3);
        var held = await picking.PickTicketAsync(shop.Held);
        var waiting = await picking.PickTicketAsync(shop.Waiting);

        Assert.NotNull(ticket);
        Assert.Null(ticket.NotReleased);
        Assert.Equal(listed.Lines, ticket.Lines);
        Assert.Equal(("K200", "Harbor Hardware", "Harbor Hardware\n12 Quay Street\nBristol BS1 4DJ"), (ticket.CustomerCode, ticket.Customer, ticket.ShipTo));
        Assert.Equal(("The order is on hold", 0), (held!.NotReleased, held.Lines.Count));
        Assert.StartsWith("Ship-complete: waiting for", waiting!.NotReleased);
        Assert.Null(await picking.PickTicketAsync(999_999));
    }

    // The domain's own priority order (PriorityOrder) over each order's first line: what the SQL sort must match.
    private async Task<IEnumerable<int>> DomainPriorityAsync(IEnumerable<int> orderIds)
    {
        var ids = orderIds.ToList();
        await using var db = NewContext();
        var lines = await db.SalesOrderLines.Where(l => ids.Contains(l.SalesOrderId) && l.LineNumber == 1).ToListAsync();
        return lines.Select(l => l.AsDemandLine()).Order(PriorityOrder.Comparer).Select(l => l.OrderId);
    }
}
