using Portal.Data;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Sales.Backorders;
using Portal.Features.Sales.Orders;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Tests.Notifications;

namespace Portal.Tests.Warehouse;

public sealed class PagesFromEitherEndTestsOnSqlite() : PagesFromEitherEndTests(DatabaseProvider.Sqlite);

public sealed class PagesFromEitherEndTestsOnPostgres() : PagesFromEitherEndTests(DatabaseProvider.Postgres);

public sealed class PagesFromEitherEndTestsOnSqlServer() : PagesFromEitherEndTests(DatabaseProvider.SqlServer);

/// <summary>
/// Pages past the middle of a list are read backwards (PageWindow): paging through any list, sorted any way, must give
/// exactly the rows of the whole list in its order, ties and missing dates included, whichever end each page came from.
/// </summary>
public abstract class PagesFromEitherEndTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const int PageSize = 3;
    private readonly ManualClock clock = new(TestData.Now);

    [Fact]
    public async Task Paging_through_every_list_both_ways_gives_the_whole_list_in_order()
    {
        var products = await SeedAsync();
        await using var portal = new PortalInstance(Db, clock, new Dictionary<string, string?>());
        await portal.Scoped<AllocationService>().RunAsync(products);

        var orders = portal.Scoped<OrderListService>();
        foreach (var sort in new[] { OrderSort.Number, OrderSort.PlacedAt, OrderSort.Customer, OrderSort.Status, OrderSort.Rep, OrderSort.Requested })
        {
            await AssertPagesAsync($"orders by {sort}", sort, p => orders.ListAsync(new OrderFilter(OrderStatusFilter.All), p), r => r.Id);
        }

        var backorders = portal.Scoped<BackorderService>();
        foreach (var sort in new[] { BackorderSort.Customer, BackorderSort.Order, BackorderSort.Product, BackorderSort.Quantity, BackorderSort.Age,
                     BackorderSort.Eta, BackorderSort.Value, BackorderSort.PurchaseOrder, null })
        {
            await AssertPagesAsync($"backorders by {sort}", sort, p => backorders.ListAsync(new BackorderFilter(), p), r => (r.OrderId, r.LineNumber));
        }

        var picking = portal.Scoped<PickingService>();
        foreach (var sort in new[] { PickListSort.Order, PickListSort.Customer, PickListSort.ShipBy, null })
        {
            await AssertPagesAsync($"pick list by {sort}", sort, p => picking.PickListAsync(new PickListFilter(), p), r => r.OrderId);
        }

        var receiving = portal.Scoped<ReceivingService>();
        foreach (var sort in new[] { nameof(OpenPoLine.Sku), nameof(OpenPoLine.Open), nameof(OpenPoLine.ExpectedDate), null })
        {
            await AssertPagesAsync($"receiving by {sort}", sort, p => receiving.OpenLinesAsync(null, p), r => (r.PurchaseOrderId, r.LineNumber));
        }

        var purchaseOrders = portal.Scoped<PurchaseOrderQueries>();
        await AssertPagesAsync("purchase orders", null, p => purchaseOrders.LinesAsync(null, PoStatusFilter.All, p), r => (r.PurchaseOrderId, r.LineNumber));
    }

    private static async Task AssertPagesAsync<TRow, TKey>(string list, string? sort, Func<PageRequest, Task<Page<TRow>>> read, Func<TRow, TKey> key)
    {
        foreach (var descending in new[] { false, true })
        {
            var whole = await read(new PageRequest(0, PageRequest.MaxTake, sort, descending));
            Assert.True(whole.Total >= 3 * PageSize, $"{list}: {whole.Total} rows are too few to page through");
            var paged = new List<TRow>();
            for (var skip = 0; skip < whole.Total; skip += PageSize)
            {
                paged.AddRange((await read(new PageRequest(skip, PageSize, sort, descending))).Rows);
            }

            Assert.True(whole.Rows.Select(key).SequenceEqual(paged.Select(key)),
                $"{list}{(descending ? " descending" : "")}: paged {string.Join(", ", paged.Select(key))}; whole {string.Join(", ", whole.Rows.Select(key))}");
        }
    }

    // Orders that tie on every sortable column (one customer name, rep and status for many, the same placed time and
    // requested date, no date at all), short of stock so lines wait, some with a purchase order coming and some not.
    private async Task<int[]> SeedAsync()
    {
        await using var db = NewContext();
        var shop = new PickListShop(db);
        var data = new TestData(db);
        var plenty = shop.Product(onHand: 1_000);
        var scarce = shop.Product(onHand: 5);
        var none = shop.Product(onHand: 0);
        var supplier = data.AddSupplier();
        data.AddPurchaseOrder(supplier, shop.Warehouse, [(scarce, 20, TestData.Today.AddDays(9)), (scarce, 4, TestData.Today.AddDays(9)),
            (plenty, 3, TestData.Today.AddDays(2)), (none, 2, TestData.Today.AddDays(30))]);
        data.AddPurchaseOrder(supplier, shop.Warehouse, [(plenty, 1, TestData.Today.AddDays(2)), (scarce, 7, TestData.Today.AddDays(4)),
            (none, 5, TestData.Today.AddDays(4)), (plenty, 3, TestData.Today.AddDays(2)), (none, 2, TestData.Today.AddDays(30)), (scarce, 1, TestData.Today.AddDays(4))]);
        var same = shop.Customer("Same Name Ltd");
        var other = shop.Customer("Other Ltd");
        DateOnly? requested = TestData.Today.AddDays(5);
        for (var i = 0; i < 14; i++)
        {
            shop.Order(i % 3 == 0 ? other : same, minutesAgo: i % 4 * 30, [(plenty, 2), (i % 2 == 0 ? scarce : none, 1 + i % 3)],
                requested: i % 3 == 1 ? null : requested);
        }

        return [plenty.Id, scarce.Id, none.Id];
    }
}

/// <summary>Which end of a list a page is read from (PageWindow.FromEnd), without a database.</summary>
public sealed class PageWindowTests
{
    [Theory]
    [InlineData(0, 25, 200, null, null)] // the first page: forwards
    [InlineData(75, 25, 200, null, null)] // before the middle: forwards
    [InlineData(150, 25, 200, 25, 25)] // past the middle: backwards, 25 rows after it
    [InlineData(175, 25, 190, 0, 15)] // the last, short page
    [InlineData(200, 25, 200, null, null)] // past the end: nothing to turn round
    public void A_page_is_read_from_the_nearer_end(int skip, int take, int total, int? skipFromEnd, int? rows)
    {
        var fromEnd = PageWindow.FromEnd(new PageRequest(skip, take), total);

        Assert.Equal(skipFromEnd is null ? null : (skipFromEnd.Value, rows!.Value), fromEnd);
    }
}
