using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Sales.OrderDetail;

public sealed class CancellationTestsOnSqlite() : CancellationTests(DatabaseProvider.Sqlite);

public sealed class CancellationTestsOnPostgres() : CancellationTests(DatabaseProvider.Postgres);

public sealed class CancellationTestsOnSqlServer() : CancellationTests(DatabaseProvider.SqlServer);

/// <summary>
/// Cancelling anything not yet shipped (docs/quantities-and-states.md#cancelling): allocated units are released in the
/// same save, the next run gives them to the next waiting line in priority order, and the customer hears of it.
/// </summary>
public abstract class CancellationTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Rep = "sam@portal.example";

    [Fact]
    public async Task Cancelled_allocated_units_go_to_the_next_waiting_lines_in_priority_order()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (shop, product) = await ShopAsync(onHand: 5);
        var first = shop.OrderPlaced(shop.Customer(tier: 3), TestData.Now.AddHours(-3), (product, 5));
        await sales.Allocation.RunAsync([product.Id]);
        var later = shop.OrderPlaced(shop.Customer(tier: 3), TestData.Now.AddHours(-2), (product, 2));
        var latestButFirstTier = shop.OrderPlaced(shop.Customer(tier: 1), TestData.Now.AddHours(-1), (product, 2));
        await sales.Allocation.RunAsync([product.Id]);

        Assert.Null(await sales.Detail.CancelUnitsAsync(first.Id, await VersionAsync(sales, first), 1, 3, "Customer over-ordered", Rep));

        await using (var saved = NewContext())
        {
            var line = await saved.SalesOrderLines.SingleAsync(l => l.SalesOrderId == first.Id);
            Assert.Equal((5, 2, 3, 0), (line.Ordered, line.Allocated, line.Cancelled, line.Backordered));
            Assert.Equal(2, (await saved.StockLevels.SingleAsync(s => s.ProductId == product.Id)).Allocated); // released in the same save
            Assert.True(await saved.PendingAllocations.AnyAsync(p => p.ProductId == product.Id));
        }

        await sales.Allocation.RunPendingAsync([product.Id]);

        await using var check = NewContext();
        var allocated = await check.SalesOrderLines.ToDictionaryAsync(l => l.SalesOrderId, l => l.Allocated);
        Assert.Equal((2, 1, 2), (allocated[first.Id], allocated[later.Id], allocated[latestButFirstTier.Id]));
        Assert.Equal(5, (await check.StockLevels.SingleAsync(s => s.ProductId == product.Id)).Allocated);
        Assert.Contains(sales.Notices.Queued, n => n.SalesOrderId == first.Id && n.Notice == new Notice(NoticeKind.BackorderCancelled, 3));
        var audit = await check.AuditEvents.SingleAsync(a => a.EntityId == first.Number);
        Assert.Equal(("Cancelled units", "Line 1: 3 units (3 of them allocated, released); Customer over-ordered"), (audit.Action, audit.Details));
    }

    [Fact]
    public async Task Cancelling_a_whole_order_releases_every_line_and_the_order_is_cancelled()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (shop, inStock) = await ShopAsync(onHand: 4);
        var shortProduct = shop.Product(onHand: 1);
        var order = shop.Order(shop.Customer(), (inStock, 4), (shortProduct, 3));
        await sales.Allocation.RunAsync([inStock.Id, shortProduct.Id]);

        Assert.Null(await sales.Detail.CancelOrderAsync(order.Id, await VersionAsync(sales, order), "Project cancelled", Rep));

        await using var check = NewContext();
        var saved = await check.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Cancelled, saved.Status);
        Assert.All(saved.Lines, l => Assert.Equal((0, 0, l.Ordered), (l.Allocated, l.Backordered, l.Cancelled)));
        Assert.Equal(0, await check.StockLevels.SumAsync(s => s.Allocated));
        var audit = await check.AuditEvents.SingleAsync();
        Assert.Equal(("Cancelled order", "line 1 4 units (4 of them allocated, released), line 2 3 units (1 of them allocated, released); Project cancelled"),
            (audit.Action, audit.Details));
        Assert.Equal([inStock.Id, shortProduct.Id], await sales.RequestedProductsAsync());

        await sales.Allocation.RunPendingAsync(null);
        Assert.Equal(2, sales.Notices.Queued.Count(n => n.SalesOrderId == order.Id && n.Notice.Kind == NoticeKind.BackorderCancelled));
    }

    [Fact]
    public async Task Cancelling_the_rest_of_a_partly_shipped_order_keeps_what_shipped_and_closes_it_as_shipped()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (shop, product) = await ShopAsync(onHand: 3);
        var order = shop.Order(shop.Customer(), (product, 5));
        await sales.Allocation.RunAsync([product.Id]);
        await ShipAsync(order, 2);
        var version = await VersionAsync(sales, order);

        Assert.Equal("Line 1 has only 3 units not yet shipped (2 shipped); cannot cancel 4.",
            await sales.Detail.CancelUnitsAsync(order.Id, version, 1, 4, "Customer asked", Rep));
        Assert.Null(await sales.Detail.CancelOrderAsync(order.Id, version, "Customer asked", Rep));

        await using var check = NewContext();
        var saved = await check.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Shipped, saved.Status);
        Assert.Equal((5, 2, 3, 0, 0), (saved.Lines[0].Ordered, saved.Lines[0].Shipped, saved.Lines[0].Cancelled, saved.Lines[0].Allocated, saved.Lines[0].Backordered));
        Assert.Equal($"Order {order.Number} is shipped and can no longer change.",
            await sales.Detail.CancelOrderAsync(order.Id, await VersionAsync(sales, order), "Again", Rep));
    }

    [Fact]
    public async Task A_refused_cancellation_changes_nothing()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (shop, product) = await ShopAsync(onHand: 2);
        var order = shop.Order(shop.Customer(), (product, 2));
        await sales.Allocation.RunAsync([product.Id]);
        var version = await VersionAsync(sales, order);

        Assert.Equal("A reason for the cancellation is required.", await sales.Detail.CancelOrderAsync(order.Id, version, "  ", Rep));
        Assert.Equal("Line 1 has only 2 units left; cannot cancel 3.", await sales.Detail.CancelUnitsAsync(order.Id, version, 1, 3, "Too many", Rep));

        await using var check = NewContext();
        var line = await check.SalesOrderLines.SingleAsync();
        Assert.Equal((2, 0), (line.Allocated, line.Cancelled));
        Assert.Equal(2, (await check.StockLevels.SingleAsync()).Allocated);
        Assert.Empty(await check.AuditEvents.ToListAsync());
        Assert.Empty(await sales.RequestedProductsAsync());
    }

    private async Task<(SalesData Shop, Domain.Catalog.Product Product)> ShopAsync(int onHand)
    {
        var shop = new SalesData(new TestData(NewContext()));
        return (shop, shop.Product(onHand));
    }

    private static async Task<int> VersionAsync(SalesHarness sales, SalesOrder order) => (await sales.Detail.GetAsync(order.Id))!.Version;

    private async Task ShipAsync(SalesOrder order, int quantity)
    {
        await using var db = NewContext();
        var saved = await db.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == order.Id);
        saved.Ship(1, quantity);
        (await db.StockLevels.SingleAsync()).Ship(quantity);
        await db.SaveChangesAsync();
    }
}
