using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Sales;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Sales.OrderDetail;

public sealed class OrderDetailServiceTestsOnSqlite() : OrderDetailServiceTests(DatabaseProvider.Sqlite);

public sealed class OrderDetailServiceTestsOnPostgres() : OrderDetailServiceTests(DatabaseProvider.Postgres);

public sealed class OrderDetailServiceTestsOnSqlServer() : OrderDetailServiceTests(DatabaseProvider.SqlServer);

/// <summary>The order page's actions: each saved with its audit row and allocation mark, or refused with nothing saved.</summary>
public abstract class OrderDetailServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Rep = "sam@portal.example";

    [Fact]
    public async Task Detail_shows_each_line_with_its_quantities_date_and_reasons()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, product) = await AllocatedOrderAsync(sales, onHand: 4, ordered: 10);

        var detail = (await sales.Detail.GetAsync(order.Id))!;

        var line = Assert.Single(detail.Lines);
        Assert.Equal((10, 4, 0, 0, 6, LineStatus.PartiallyAllocated), (line.Ordered, line.Allocated, line.Shipped, line.Cancelled, line.Backordered, line.Status));
        Assert.Equal(product.Sku, line.Sku);
        Assert.NotNull(line.Eta);
        Assert.Contains("No purchase order yet", line.EtaNote);
        Assert.Contains("Got 4", line.AllocationNote);
        Assert.Null(await sales.Detail.GetAsync(order.Id + 1000));
    }

    [Fact]
    public async Task Cancelling_units_needs_a_reason_takes_waiting_units_first_is_audited_marks_the_product_and_asks_for_a_run()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, product) = await AllocatedOrderAsync(sales, onHand: 4, ordered: 10);
        var version = (await sales.Detail.GetAsync(order.Id))!.Version;

        Assert.Equal("A reason for the cancellation is required.", await sales.Detail.CancelUnitsAsync(order.Id, version, 1, 6, " ", Rep));
        Assert.Equal("Line 1 has only 10 units left; cannot cancel 11.", await sales.Detail.CancelUnitsAsync(order.Id, version, 1, 11, "Customer found it elsewhere", Rep));
        Assert.Null(await sales.Detail.CancelUnitsAsync(order.Id, version, 1, 6, "Customer found it elsewhere", Rep));

        await using var check = NewContext();
        var line = await check.SalesOrderLines.SingleAsync(l => l.SalesOrderId == order.Id);
        Assert.Equal((4, 6, 0), (line.Allocated, line.Cancelled, line.Backordered));
        var audit = Assert.Single(await check.AuditEvents.ToListAsync());
        Assert.Equal((Rep, "Cancelled units", order.Number), (audit.User, audit.Action, audit.EntityId));
        Assert.Contains("Customer found it elsewhere", audit.Details);
        Assert.True(await check.PendingAllocations.AnyAsync(p => p.ProductId == product.Id));
        Assert.Equal([product.Id], await sales.RequestedProductsAsync());
    }

    [Fact]
    public async Task Lowering_a_quantity_below_the_allocation_gives_the_stock_back_in_the_same_save()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, product) = await AllocatedOrderAsync(sales, onHand: 8, ordered: 8);
        var version = (await sales.Detail.GetAsync(order.Id))!.Version;

        Assert.Null(await sales.Detail.ChangeQuantityAsync(order.Id, version, 1, 5, Rep));

        await using var check = NewContext();
        var line = await check.SalesOrderLines.SingleAsync(l => l.SalesOrderId == order.Id);
        Assert.Equal((5, 5, 0), (line.Ordered, line.Allocated, line.Backordered));
        Assert.Equal(5, (await check.StockLevels.SingleAsync(s => s.ProductId == product.Id)).Allocated);
        Assert.Equal("Line 1: 8 → 5", (await check.AuditEvents.SingleAsync()).Details);
        Assert.Equal([product.Id], await sales.RequestedProductsAsync());
    }

    [Fact]
    public async Task Raising_a_quantity_backorders_the_extra_until_the_run()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, _) = await AllocatedOrderAsync(sales, onHand: 8, ordered: 8);
        var version = (await sales.Detail.GetAsync(order.Id))!.Version;

        Assert.Null(await sales.Detail.ChangeQuantityAsync(order.Id, version, 1, 12, Rep));

        var line = Assert.Single((await sales.Detail.GetAsync(order.Id))!.Lines);
        Assert.Equal((12, 8, 4), (line.Ordered, line.Allocated, line.Backordered));
    }

    [Theory]
    [InlineData(0, "Quantity must be at least 1; got 0.")]
    [InlineData(2_000_000, "more than the 1,000,000 units allowed")]
    [InlineData(8, "Line 1 is already for 8 units.")]
    public async Task A_quantity_that_cannot_be_is_refused_and_nothing_changes(int quantity, string message)
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, _) = await AllocatedOrderAsync(sales, onHand: 8, ordered: 8);
        var version = (await sales.Detail.GetAsync(order.Id))!.Version;

        Assert.Contains(message, await sales.Detail.ChangeQuantityAsync(order.Id, version, 1, quantity, Rep));

        await using var check = NewContext();
        Assert.Equal(8, (await check.SalesOrderLines.SingleAsync()).Ordered);
        Assert.False(await check.AuditEvents.AnyAsync());
        Assert.Empty(await sales.RequestedProductsAsync());
    }

    [Fact]
    public async Task Hold_and_release_change_the_status_and_are_audited_and_marked()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, product) = await AllocatedOrderAsync(sales, onHand: 2, ordered: 5);

        Assert.Null(await sales.Detail.PutOnHoldAsync(order.Id, (await sales.Detail.GetAsync(order.Id))!.Version, "Credit check", Rep));
        var held = (await sales.Detail.GetAsync(order.Id))!;
        Assert.Equal((OrderStatus.OnHold, true), (held.Status, held.OnHold));
        Assert.Equal($"{order.Number} is already on hold.", await sales.Detail.PutOnHoldAsync(order.Id, held.Version, null, Rep));

        Assert.Null(await sales.Detail.ReleaseHoldAsync(order.Id, held.Version, Rep));
        var released = (await sales.Detail.GetAsync(order.Id))!;
        Assert.Equal(OrderStatus.Open, released.Status);
        Assert.Equal(["Released hold", "Put on hold"], released.History.Select(h => h.Action));
        Assert.Equal("Credit check", released.History[1].Details);
        Assert.Equal([product.Id], await sales.RequestedProductsAsync());
    }

    [Fact]
    public async Task An_expedited_order_gets_the_next_stock_and_a_held_one_gets_none_until_released()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand: 1);
        var first = shop.Order(shop.Customer(tier: 1), (product, 1));
        var expedited = shop.Order(shop.Customer(tier: 5), (product, 1));
        var held = shop.Order(shop.Customer(tier: 5), (product, 1));
        Assert.Null(await sales.Detail.MarkExpediteAsync(expedited.Id, (await sales.Detail.GetAsync(expedited.Id))!.Version, "Line down", Rep));
        Assert.Null(await sales.Detail.PutOnHoldAsync(held.Id, (await sales.Detail.GetAsync(held.Id))!.Version, null, Rep));
        Assert.Null(await sales.Detail.MarkExpediteAsync(held.Id, (await sales.Detail.GetAsync(held.Id))!.Version, "Line down", Rep));

        await sales.Allocation.RunAsync([product.Id]);

        Assert.Equal((0, 1, 0), (await AllocatedAsync(first), await AllocatedAsync(expedited), await AllocatedAsync(held)));
        Assert.Null(await sales.Detail.ReleaseHoldAsync(held.Id, (await sales.Detail.GetAsync(held.Id))!.Version, Rep));
        await using (var restock = NewContext())
        {
            await restock.StockLevels.Where(s => s.ProductId == product.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, 2));
        }

        await sales.Allocation.RunAsync([product.Id]);

        // Released, the held order is an expedited one again and goes before tier 1.
        Assert.Equal((0, 1, 1), (await AllocatedAsync(first), await AllocatedAsync(expedited), await AllocatedAsync(held)));
    }

    private async Task<int> AllocatedAsync(SalesOrder order)
    {
        await using var check = NewContext();
        return await check.SalesOrderLines.Where(l => l.SalesOrderId == order.Id).SumAsync(l => l.Allocated);
    }

    [Fact]
    public async Task Expedite_needs_a_reason_and_the_reason_is_kept_and_audited()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, product) = await AllocatedOrderAsync(sales, onHand: 2, ordered: 5);
        var version = (await sales.Detail.GetAsync(order.Id))!.Version;

        Assert.Equal("Expedite reason is required.", await sales.Detail.MarkExpediteAsync(order.Id, version, "", Rep));
        Assert.Null(await sales.Detail.MarkExpediteAsync(order.Id, version, "Line down at the customer's plant", Rep));

        var detail = (await sales.Detail.GetAsync(order.Id))!;
        Assert.Equal((true, "Line down at the customer's plant"), (detail.Expedite, detail.ExpediteReason));
        var audit = Assert.Single(detail.History);
        Assert.Equal((Rep, "Marked expedite", "Line down at the customer's plant"), (audit.User, audit.Action, audit.Details));
        Assert.Equal([product.Id], await sales.RequestedProductsAsync());
    }

    [Fact]
    public async Task An_action_on_an_order_someone_else_changed_meanwhile_is_refused_and_overwrites_nothing()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, _) = await AllocatedOrderAsync(sales, onHand: 2, ordered: 5);
        var seenByBoth = (await sales.Detail.GetAsync(order.Id))!.Version;
        Assert.Null(await sales.Detail.ChangeQuantityAsync(order.Id, seenByBoth, 1, 4, "alex@portal.example"));

        var stale = await sales.Detail.CancelUnitsAsync(order.Id, seenByBoth, 1, 3, "Customer asked", Rep);

        Assert.Equal($"Someone else changed {order.Number} while you were looking at it. Nothing was saved: reload the order to see their change, then try again.", stale);
        var detail = (await sales.Detail.GetAsync(order.Id))!;
        Assert.Equal((4, 0), (detail.Lines[0].Ordered, detail.Lines[0].Cancelled));
        Assert.Equal("alex@portal.example", Assert.Single(detail.History).User);
    }

    [Fact]
    public async Task The_allocation_run_changing_lines_is_not_someone_else_editing_the_order()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, product) = await AllocatedOrderAsync(sales, onHand: 2, ordered: 5);
        var version = (await sales.Detail.GetAsync(order.Id))!.Version;
        await using (var db = NewContext())
        {
            (await db.StockLevels.SingleAsync(s => s.ProductId == product.Id)).Receive(1);
            await db.SaveChangesAsync();
        }

        await sales.Allocation.RunAsync([product.Id]);

        Assert.Null(await sales.Detail.CancelUnitsAsync(order.Id, version, 1, 2, "Customer asked", Rep));
    }

    [Fact]
    public async Task A_shipped_order_can_no_longer_change()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var (_, order, _) = await AllocatedOrderAsync(sales, onHand: 5, ordered: 5);
        await using (var db = NewContext())
        {
            var saved = await db.SalesOrders.Include(o => o.Lines).SingleAsync();
            saved.Ship(1, 5);
            await db.SaveChangesAsync();
        }

        var detail = (await sales.Detail.GetAsync(order.Id))!;

        Assert.False(detail.CanChange);
        Assert.Equal($"Order {order.Number} is shipped and can no longer change.", await sales.Detail.PutOnHoldAsync(order.Id, detail.Version, null, Rep));
    }

    // One customer's order for one product, allocated by a real run.
    private async Task<(Customer Customer, SalesOrder Order, Domain.Catalog.Product Product)> AllocatedOrderAsync(SalesHarness sales, int onHand, int ordered)
    {
        await using var db = NewContext();
        var shop = new SalesData(new TestData(db));
        var product = shop.Product(onHand);
        var customer = shop.Customer();
        var order = shop.Order(customer, (product, ordered));
        await sales.Allocation.RunAsync([product.Id]);
        return (customer, order, product);
    }
}
