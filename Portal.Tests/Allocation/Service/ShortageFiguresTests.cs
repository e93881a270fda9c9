using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Purchasing.Shortages;
using Portal.Features.Sales.OrderEntry;
using Portal.Features.Warehouse.Adjustments;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Tests.Sales;

namespace Portal.Tests.Allocation.Service;

public sealed class ShortageFiguresTestsOnSqlite() : ShortageFiguresTests(DatabaseProvider.Sqlite);

public sealed class ShortageFiguresTestsOnPostgres() : ShortageFiguresTests(DatabaseProvider.Postgres);

public sealed class ShortageFiguresTestsOnSqlServer() : ShortageFiguresTests(DatabaseProvider.SqlServer);

/// <summary>
/// The shortage figures the allocation run keeps (what the shortage board and the Purchasing home read) equal the
/// aggregate over waiting lines, stock and open purchase orders they replace, after every kind of change and its run.
/// </summary>
public abstract class ShortageFiguresTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string User = "tester@portal.example";

    private sealed record World(int Main, int East, int Supplier, int Bolt, int Nut, int Washer, int Ann, int Bob);

    // BOLT: 5 on hand in MAIN; NUT: none anywhere; WASHER: 2 on hand in EAST. Ann is tier 1, Bob tier 4.
    private async Task<World> SeedAsync()
    {
        await using var db = NewContext();
        var data = new TestData(db);
        var (main, east) = (data.AddWarehouse("MAIN"), data.AddWarehouse("EAST"));
        var supplier = data.AddSupplier("Acme Supply");
        var (bolt, nut, washer) = (data.AddProduct("BOLT-1", 2.5m, supplier), data.AddProduct("NUT-2", 0.4m, supplier), data.AddProduct("WASHER-3", 0.1m));
        data.AddStock(bolt, main, 5);
        data.AddStock(washer, east, 2);
        var (ann, bob) = (data.AddCustomer("ANN", priorityTier: 1), data.AddCustomer("BOB", priorityTier: 4));
        return new World(main.Id, east.Id, supplier.Id, bolt.Id, nut.Id, washer.Id, ann.Id, bob.Id);
    }

    [Fact]
    public async Task Kept_figures_equal_the_aggregate_after_orders_purchase_orders_receipts_cancels_shipments_and_counts()
    {
        var w = await SeedAsync();
        await using var sales = await SalesHarness.CreateAsync(Db);
        var purchasing = new PurchaseOrderService(sales.Factory, sales.Scheduler, sales.Clock);
        var receiving = new ReceivingService(sales.Factory, sales.Scheduler, sales.Clock);
        var picking = new PickingService(sales.Factory, sales.Scheduler, sales.Clock);
        var adjustments = new StockAdjustmentService(sales.Factory, sales.Scheduler, sales.Clock);

        // New orders (order entry runs their allocation at once): Ann wants 8 bolts and 3 nuts by a date, Bob 4 bolts,
        // 5 nuts at another price, and 6 washers from EAST.
        var annOrder = await CreateAsync(sales, w.Ann, w.Main, TestData.Today.AddDays(3), (w.Bolt, 8), (w.Nut, 3));
        var bobOrder = await CreateAsync(sales, w.Bob, w.Main, null, (w.Bolt, 4), (w.Nut, 5));
        var washers = await CreateAsync(sales, w.Bob, w.East, null, (w.Washer, 6));
        await AssertKeptAsync(expectedRows: 3);

        // A purchase order for bolts and nuts, then a partial receipt of bolts.
        var (po, error) = await purchasing.CreateAsync(w.Supplier, w.Main,
            [new NewPurchaseOrderLine(w.Bolt, 6, TestData.Today.AddDays(10), 1m), new NewPurchaseOrderLine(w.Nut, 20, TestData.Today.AddDays(4), 0.2m)], User);
        Assert.Null(error);
        await RunAndAssertAsync(sales, expectedRows: 3);
        Assert.Null(await receiving.ReceiveAsync(po!.Value, 1, 4, User));
        await RunAndAssertAsync(sales, expectedRows: 3);

        // Cancelling units that wait, and Bob's whole order: the 9 bolts in now cover Ann's 8, so nobody waits for bolts.
        Assert.Null(await sales.Detail.CancelUnitsAsync(annOrder, await VersionAsync(annOrder), 2, 1, "Customer changed their mind", User));
        await RunAndAssertAsync(sales, expectedRows: 3);
        Assert.Null(await sales.Detail.CancelOrderAsync(bobOrder, await VersionAsync(bobOrder), "Customer went elsewhere", User));
        await RunAndAssertAsync(sales, expectedRows: 2);

        // A shipment of Ann's allocated bolts, a count of the washers down to one, an order put on hold.
        var allocated = await AllocatedAsync(annOrder, 1);
        Assert.True(allocated > 0);
        Assert.Null(await picking.ShipAsync(new ShipLine(annOrder, 1, allocated, allocated), User));
        await RunAndAssertAsync(sales, expectedRows: 2);
        Assert.Null(await adjustments.AdjustAsync(w.Washer, w.East, -1, "Damaged", User, releaseReserved: true));
        await RunAndAssertAsync(sales, expectedRows: 2);
        Assert.Null(await sales.Detail.PutOnHoldAsync(annOrder, await VersionAsync(annOrder), "Credit check", User));
        await RunAndAssertAsync(sales, expectedRows: 2);

        // Bob's washers are cancelled: nobody waits for them any more, so their row goes.
        Assert.Null(await sales.Detail.CancelOrderAsync(washers, await VersionAsync(washers), "Not needed", User));
        await RunAndAssertAsync(sales, expectedRows: 1);

        // The nightly run over every product keeps the same figures.
        await sales.Allocation.RunAllAsync();
        await AssertKeptAsync(expectedRows: 1);
    }

    [Fact]
    public async Task A_run_of_one_product_leaves_the_other_products_figures_alone()
    {
        var w = await SeedAsync();
        await using var sales = await SalesHarness.CreateAsync(Db);
        await CreateAsync(sales, w.Ann, w.Main, null, (w.Bolt, 9), (w.Nut, 2));

        await sales.Allocation.RunProductAsync(w.Bolt);

        await using var db = NewContext();
        Assert.Equal([(w.Bolt, 4), (w.Nut, 2)],
            (await db.ProductShortages.OrderBy(s => s.ProductId).Select(s => new { s.ProductId, s.Backordered }).ToListAsync()).Select(s => (s.ProductId, s.Backordered)));
    }

    private static async Task<int> CreateAsync(SalesHarness sales, int customer, int warehouse, DateOnly? requested, params (int Product, int Quantity)[] lines)
    {
        var draft = new OrderDraft(customer, warehouse, false, requested, null, lines.Select((l, i) => new DraftLine(i + 1, l.Product, l.Quantity)).ToList());
        var result = await sales.Entry.CreateAsync(draft, User);
        Assert.Null(result.Error);
        return result.OrderId!.Value;
    }

    private static async Task RunAndAssertAsync(SalesHarness sales, int expectedRows)
    {
        await sales.Allocation.RunPendingAsync(null);
        await using var db = await sales.Factory.CreateDbContextAsync();
        await AssertKeptAsync(db, expectedRows);
    }

    private async Task AssertKeptAsync(int expectedRows)
    {
        await using var db = NewContext();
        await AssertKeptAsync(db, expectedRows);
    }

    private static async Task AssertKeptAsync(PortalDbContext db, int expectedRows)
    {
        var kept = (await db.ProductShortages.AsNoTracking().ToListAsync())
            .Select(s => (s.ProductId, s.WarehouseId, s.Backordered, s.Lines, s.Customers, Math.Round(s.ValueAtRisk, 2), s.NeedDate, s.Available, s.OnOrder,
                s.Uncovered, s.NextPoDate))
            .Order().ToList();
        var aggregate = (await ShortageAggregate.Query(db).ToListAsync())
            .Select(s => (s.ProductId, s.WarehouseId, s.Backordered, s.Lines, s.Customers, Math.Round(s.ValueAtRisk, 2), s.NeedDate, s.Available, s.OnOrder,
                s.Uncovered, s.NextPoDate))
            .Order().ToList();
        Assert.Equal(aggregate, kept);
        Assert.Equal(expectedRows, kept.Count);
    }

    private async Task<int> VersionAsync(int orderId)
    {
        await using var db = NewContext();
        return await db.SalesOrders.Where(o => o.Id == orderId).Select(o => o.Version).SingleAsync();
    }

    private async Task<int> AllocatedAsync(int orderId, int lineNumber)
    {
        await using var db = NewContext();
        return await db.SalesOrderLines.Where(l => l.SalesOrderId == orderId && l.LineNumber == lineNumber).Select(l => l.Allocated).SingleAsync();
    }
}
