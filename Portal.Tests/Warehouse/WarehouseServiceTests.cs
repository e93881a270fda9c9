using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Warehouse.Adjustments;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Tests.Notifications;

namespace Portal.Tests.Warehouse;

public sealed class WarehouseServiceTestsOnSqlite() : WarehouseServiceTests(DatabaseProvider.Sqlite);

public sealed class WarehouseServiceTestsOnPostgres() : WarehouseServiceTests(DatabaseProvider.Postgres);

public sealed class WarehouseServiceTestsOnSqlServer() : WarehouseServiceTests(DatabaseProvider.SqlServer);

/// <summary>Goods in, goods out and count corrections: each commits with its product's allocation mark, or not at all.</summary>
public abstract class WarehouseServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly ManualClock clock = new(TestData.Now);

    private sealed record Setup(int ProductId, int WarehouseId, int OrderId, int PoId);

    private async Task<Setup> ShortOrderAsync(int onHand, int ordered, bool shipComplete = false)
    {
        await using var db = NewContext();
        var data = new TestData(db);
        var warehouse = data.AddWarehouse();
        var supplier = data.AddSupplier();
        var product = data.AddProduct(supplier: supplier);
        data.AddStock(product, warehouse, onHand);
        var customer = data.AddCustomer();
        if (shipComplete)
        {
            customer.SetShipCompleteDefault(true);
            await db.SaveChangesAsync();
        }

        var other = data.AddProduct(supplier: supplier);
        data.AddStock(other, warehouse, 100);
        var order = data.AddSalesOrder(customer, warehouse, lines: shipComplete ? [(product, ordered), (other, 1)] : [(product, ordered)]);
        var po = data.AddPurchaseOrder(supplier, warehouse, [(product, 10, TestData.Today.AddDays(7))]);
        return new Setup(product.Id, warehouse.Id, order.Id, po.Id);
    }

    private PortalInstance Portal() => new(Db, clock, new Dictionary<string, string?>());

    [Fact]
    public async Task A_receipt_adds_stock_marks_the_product_and_its_run_fills_the_waiting_line()
    {
        var setup = await ShortOrderAsync(onHand: 0, ordered: 6);
        await using var portal = Portal();

        Assert.Null(await portal.Scoped<ReceivingService>().ReceiveAsync(setup.PoId, 1, 4, "dock@portal.example"));

        await using (var db = NewContext())
        {
            Assert.Equal(4, (await db.StockLevels.SingleAsync(s => s.ProductId == setup.ProductId)).OnHand);
            Assert.Equal(4, (await db.PurchaseOrderLines.SingleAsync(l => l.PurchaseOrderId == setup.PoId)).Received);
            Assert.True(await db.PendingAllocations.AnyAsync(p => p.ProductId == setup.ProductId));
            Assert.Single(await db.AuditEvents.Where(a => a.Action == "Received").ToListAsync());
        }

        await portal.Scoped<AllocationService>().RunPendingAsync(null);
        await using var check = NewContext();
        var line = await check.SalesOrderLines.SingleAsync(l => l.SalesOrderId == setup.OrderId);
        Assert.Equal((4, 2), (line.Allocated, line.Backordered));
    }

    [Fact]
    public async Task An_over_receipt_is_refused_with_a_message_and_changes_nothing()
    {
        var setup = await ShortOrderAsync(onHand: 0, ordered: 6);
        await using var portal = Portal();

        var error = await portal.Scoped<ReceivingService>().ReceiveAsync(setup.PoId, 1, 11, "dock@portal.example");

        Assert.Contains("only 10 of 10 are still open", error);
        await using var db = NewContext();
        Assert.Equal(0, (await db.StockLevels.SingleAsync(s => s.ProductId == setup.ProductId)).OnHand);
        Assert.Empty(await db.Receipts.ToListAsync());
        Assert.False(await db.PendingAllocations.AnyAsync(p => p.ProductId == setup.ProductId));
    }

    [Theory]
    [InlineData(0, "at least 1")]
    [InlineData(-3, "at least 1")]
    [InlineData(2_000_000, "more than the 1,000,000 units")]
    public async Task Absurd_receipt_quantities_are_refused(int quantity, string message)
    {
        var setup = await ShortOrderAsync(onHand: 0, ordered: 6);
        await using var portal = Portal();

        Assert.Contains(message, await portal.Scoped<ReceivingService>().ReceiveAsync(setup.PoId, 1, quantity, "dock@portal.example"));
    }

    [Fact]
    public async Task Shipping_moves_allocated_units_out_of_stock_and_is_refused_beyond_the_allocation()
    {
        var setup = await ShortOrderAsync(onHand: 10, ordered: 6);
        await using var portal = Portal();
        await portal.Scoped<AllocationService>().RunPendingAsync(null);
        await portal.Scoped<AllocationService>().RunProductAsync(setup.ProductId);
        var picking = portal.Scoped<PickingService>();

        Assert.Contains("only 6 units allocated", await picking.ShipAsync(new ShipLine(setup.OrderId, 1, AllocatedSeen: 6, Quantity: 7), "picker@portal.example"));
        Assert.Null(await picking.ShipAsync(new ShipLine(setup.OrderId, 1, AllocatedSeen: 6, Quantity: 6), "picker@portal.example"));

        await using var db = NewContext();
        var stock = await db.StockLevels.SingleAsync(s => s.ProductId == setup.ProductId);
        Assert.Equal((4, 0), (stock.OnHand, stock.Allocated));
        var line = await db.SalesOrderLines.SingleAsync(l => l.SalesOrderId == setup.OrderId);
        Assert.Equal((6, 0), (line.Shipped, line.Allocated));
    }

    [Fact]
    public async Task A_ship_complete_order_is_not_on_the_pick_list_until_every_line_is_allocated()
    {
        var setup = await ShortOrderAsync(onHand: 2, ordered: 6, shipComplete: true);
        await using var portal = Portal();
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AllocationFlags.MarkAsync(db, await db.Products.Select(p => p.Id).ToListAsync(), "test", clock.GetUtcNow());
            await transaction.CommitAsync();
        }

        await portal.Scoped<AllocationService>().RunPendingAsync(null);
        var picking = portal.Scoped<PickingService>();

        Assert.DoesNotContain((await picking.PickListAsync(new PickListFilter(), new PageRequest())).Rows, o => o.OrderId == setup.OrderId);
        Assert.Contains("ships complete", await picking.ShipAsync(new ShipLine(setup.OrderId, 2, AllocatedSeen: 1, Quantity: 1), "picker@portal.example"));
    }

    [Fact]
    public async Task A_confirmed_count_below_what_is_reserved_takes_units_back_from_held_orders_then_the_lowest_priority()
    {
        int productId, warehouseId, first, last, held;
        await using (var db = NewContext())
        {
            var data = new TestData(db);
            var warehouse = data.AddWarehouse();
            var product = data.AddProduct(supplier: data.AddSupplier());
            data.AddStock(product, warehouse, 10);
            first = data.AddSalesOrder(data.AddCustomer(priorityTier: 1), warehouse, lines: [(product, 4)]).Id;
            last = data.AddSalesOrder(data.AddCustomer(priorityTier: 5), warehouse, lines: [(product, 3)]).Id;
            held = data.AddSalesOrder(data.AddCustomer(priorityTier: 1), warehouse, lines: [(product, 2)]).Id;
            (productId, warehouseId) = (product.Id, warehouse.Id);
        }

        await using var portal = Portal();
        await portal.Scoped<AllocationService>().RunProductAsync(productId);
        await using (var db = NewContext())
        {
            var order = await db.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == held);
            order.PutOnHold(); // keeps its 2 reserved units
            await db.SaveChangesAsync();
        }

        // 9 reserved, the count finds 5: the held order gives back its 2, then tier 5 gives back 2 of its 3; but only
        // once the user has seen that and confirmed.
        var adjustments = portal.Scoped<StockAdjustmentService>();
        Assert.Contains("only 1 are not reserved", await adjustments.AdjustAsync(productId, warehouseId, -5, "Cycle count", "wes@portal.example"));
        Assert.Equal($"This count leaves 5 on hand for 9 units allocated to customers. It takes back 2 units from SO-{held:D6} line 1, "
                     + $"2 units from SO-{last:D6} line 1; those customers are told their new dates.",
            await adjustments.PreviewShortfallAsync(productId, warehouseId, -5));
        Assert.Null(await adjustments.PreviewShortfallAsync(productId, warehouseId, -1));
        Assert.Null(await adjustments.AdjustAsync(productId, warehouseId, -5, "Cycle count", "wes@portal.example", releaseReserved: true));

        await using var check = NewContext();
        var allocated = await check.SalesOrderLines.ToDictionaryAsync(l => l.SalesOrderId, l => (l.Allocated, l.Backordered));
        Assert.Equal((4, 0), allocated[first]);
        Assert.Equal((1, 2), allocated[last]);
        Assert.Equal((0, 2), allocated[held]);
        var stock = await check.StockLevels.SingleAsync(s => s.ProductId == productId);
        Assert.Equal((5, 5), (stock.OnHand, stock.Allocated));
        var audit = await check.AuditEvents.SingleAsync(a => a.Action == "Adjusted");
        Assert.Equal($"-5 units: Cycle count; took back 2 units from SO-{held:D6} line 1, 2 units from SO-{last:D6} line 1", audit.Details);
    }

    [Fact]
    public async Task A_count_below_zero_or_without_a_reason_is_refused_and_changes_nothing()
    {
        var setup = await ShortOrderAsync(onHand: 10, ordered: 6);
        await using var portal = Portal();
        await portal.Scoped<AllocationService>().RunProductAsync(setup.ProductId);
        var adjustments = portal.Scoped<StockAdjustmentService>();

        Assert.Equal("Cannot remove 11 units: only 10 are on hand.",
            await adjustments.AdjustAsync(setup.ProductId, setup.WarehouseId, -11, "Damaged", "wes@portal.example"));
        Assert.Contains("Reason is required",
            await adjustments.AdjustAsync(setup.ProductId, setup.WarehouseId, -5, " ", "wes@portal.example", releaseReserved: true));

        await using var db = NewContext();
        var stock = await db.StockLevels.SingleAsync(s => s.ProductId == setup.ProductId);
        Assert.Equal((10, 6), (stock.OnHand, stock.Allocated));
        Assert.Equal(6, (await db.SalesOrderLines.SingleAsync(l => l.ProductId == setup.ProductId)).Allocated);
        Assert.False(await db.StockAdjustments.AnyAsync());
    }
}
