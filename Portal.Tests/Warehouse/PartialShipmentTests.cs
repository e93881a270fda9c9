using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Warehouse.Picking;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Tests.Notifications;

namespace Portal.Tests.Warehouse;

public sealed class PartialShipmentTestsOnSqlite() : PartialShipmentTests(DatabaseProvider.Sqlite);

public sealed class PartialShipmentTestsOnPostgres() : PartialShipmentTests(DatabaseProvider.Postgres);

public sealed class PartialShipmentTestsOnSqlServer() : PartialShipmentTests(DatabaseProvider.SqlServer);

/// <summary>
/// Shipping part of a line: the rest stays allocated, or goes back to stock with a reason, in the shipment's own
/// transaction; the allocation run that follows hands released units to the first line waiting in priority order.
/// </summary>
public abstract class PartialShipmentTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Picker = "picker@portal.example";

    private readonly ManualClock clock = new(TestData.Now);

    private sealed record Setup(int ProductId, int Holder, int Waiting, int ShipComplete);

    // 6 on the shelf, all reserved by a tier 5 order placed first; a tier 1 order placed after it waits for 3 (automatic
    // runs never take back). A ship-complete order of another product is fully allocated.
    private async Task<Setup> SetupAsync()
    {
        int productId, holder, shipComplete, waiting;
        await using (var db = NewContext())
        {
            var shop = new PickListShop(db);
            var product = shop.Product(onHand: 6);
            holder = shop.Order(shop.Customer(tier: 5), 60, [(product, 6)]).Id;
            var other = shop.Product(onHand: 10);
            shipComplete = shop.Order(shop.Customer(shipComplete: true), 60, [(other, 4)]).Id;
            productId = product.Id;
            await using (var portal = Portal())
            {
                await portal.Scoped<AllocationService>().RunAllAsync();
            }

            waiting = shop.Order(shop.Customer(tier: 1), 30, [(product, 3)]).Id;
            await using (var portal = Portal())
            {
                await portal.Scoped<AllocationService>().RunProductAsync(productId);
            }
        }

        await using var check = NewContext();
        Assert.Equal(6, (await check.SalesOrderLines.SingleAsync(l => l.SalesOrderId == holder)).Allocated);
        Assert.Equal(3, (await check.SalesOrderLines.SingleAsync(l => l.SalesOrderId == waiting)).Backordered);
        return new Setup(productId, holder, waiting, shipComplete);
    }

    private PortalInstance Portal() => new(Db, clock, new Dictionary<string, string?>());

    [Fact]
    public async Task Shipping_part_of_a_line_keeps_the_rest_allocated_and_on_the_pick_list()
    {
        var setup = await SetupAsync();
        await using var portal = Portal();
        var picking = portal.Scoped<PickingService>();

        Assert.Null(await picking.ShipAsync(new ShipLine(setup.Holder, 1, AllocatedSeen: 6, Quantity: 2), Picker));

        await using var db = NewContext();
        var line = await db.SalesOrderLines.SingleAsync(l => l.SalesOrderId == setup.Holder);
        Assert.Equal((2, 4, 0), (line.Shipped, line.Allocated, line.Backordered));
        var stock = await db.StockLevels.SingleAsync(s => s.ProductId == setup.ProductId);
        Assert.Equal((4, 4), (stock.OnHand, stock.Allocated));
        Assert.Equal($"Line 1: 2 units; 4 stay allocated", (await db.AuditEvents.SingleAsync(a => a.Action == "Shipped")).Details);
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == "Released"));
        var listed = await picking.PickListAsync(new PickListFilter(), new PageRequest());
        Assert.Equal(4, Assert.Single(listed.Rows.Single(o => o.OrderId == setup.Holder).Lines).Allocated);
    }

    [Fact]
    public async Task Releasing_the_rest_with_a_reason_frees_the_units_for_the_next_waiting_line_after_the_run()
    {
        var setup = await SetupAsync();
        await using var portal = Portal();

        Assert.Null(await portal.Scoped<PickingService>().ShipAsync(
            new ShipLine(setup.Holder, 1, AllocatedSeen: 6, Quantity: 2, RestOfLine.ReleasedBack, " Customer takes the rest next month "), Picker));

        await using (var db = NewContext())
        {
            var line = await db.SalesOrderLines.SingleAsync(l => l.SalesOrderId == setup.Holder);
            Assert.Equal((2, 0, 4), (line.Shipped, line.Allocated, line.Backordered));
            var stock = await db.StockLevels.SingleAsync(s => s.ProductId == setup.ProductId);
            Assert.Equal((4, 0), (stock.OnHand, stock.Allocated));
            var released = await db.AuditEvents.SingleAsync(a => a.Action == "Released");
            Assert.Equal((Picker, $"SO-{setup.Holder:D6}"), (released.User, released.EntityId));
            Assert.Equal("Line 1: 4 units released back to stock after a partial shipment: Customer takes the rest next month", released.Details);
            Assert.True(await db.PendingAllocations.AnyAsync(p => p.ProductId == setup.ProductId));
        }

        await portal.Scoped<AllocationService>().RunPendingAsync(null);

        // The tier 1 line waiting ahead of it takes 3 of the 4 freed units; the releasing line gets the one left over.
        await using var check = NewContext();
        Assert.Equal((3, 0), await LineAsync(check, setup.Waiting));
        Assert.Equal((1, 3), await LineAsync(check, setup.Holder));
        Assert.Equal(4, (await check.StockLevels.SingleAsync(s => s.ProductId == setup.ProductId)).Allocated);
    }

    [Theory]
    [InlineData(2, RestOfLine.ReleasedBack, "  ", 6, "Reason is required.")]
    [InlineData(0, RestOfLine.StaysAllocated, null, 6, "Shipped quantity must be at least 1; got 0.")]
    [InlineData(7, RestOfLine.StaysAllocated, null, 6, "Line 1 has only 6 units allocated; cannot ship 7.")]
    [InlineData(2, RestOfLine.StaysAllocated, null, 5, "line 1 changed since you opened it: 6 units are allocated now, not 5. Look at it again.")]
    public async Task A_shipment_that_does_not_fit_is_refused_with_its_reason_and_changes_nothing(
        int quantity, RestOfLine rest, string? reason, int seen, string message)
    {
        var setup = await SetupAsync();
        await using var portal = Portal();

        var error = await portal.Scoped<PickingService>().ShipAsync(new ShipLine(setup.Holder, 1, seen, quantity, rest, reason), Picker);

        Assert.NotNull(error);
        Assert.EndsWith(message, error);
        await NothingChangedAsync(setup);
    }

    [Fact]
    public async Task A_ship_complete_order_ships_every_allocated_unit_of_a_line_or_nothing()
    {
        var setup = await SetupAsync();
        await using var portal = Portal();
        var picking = portal.Scoped<PickingService>();

        var error = await picking.ShipAsync(new ShipLine(setup.ShipComplete, 1, 4, 3), Picker);

        Assert.Equal($"SO-{setup.ShipComplete:D6} ships complete: ship all 4 allocated units of line 1, or correct the stock count first.", error);
        Assert.Null(await picking.ShipAsync(new ShipLine(setup.ShipComplete, 1, 4, 4), Picker));
    }

    private static async Task<(int Allocated, int Backordered)> LineAsync(PortalDbContext db, int orderId)
    {
        var line = await db.SalesOrderLines.SingleAsync(l => l.SalesOrderId == orderId);
        return (line.Allocated, line.Backordered);
    }

    private async Task NothingChangedAsync(Setup setup)
    {
        await using var db = NewContext();
        Assert.Equal((6, 0), await LineAsync(db, setup.Holder));
        var stock = await db.StockLevels.SingleAsync(s => s.ProductId == setup.ProductId);
        Assert.Equal((6, 6), (stock.OnHand, stock.Allocated));
        Assert.False(await db.Shipments.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == "Shipped" || a.Action == "Released"));
        Assert.False(await db.PendingAllocations.AnyAsync(p => p.ProductId == setup.ProductId));
    }
}
