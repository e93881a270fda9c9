using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Warehouse;
using Portal.Features.Allocation;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Allocation.Service;

public sealed class AllocationServiceTestsOnSqlite() : AllocationServiceTests(DatabaseProvider.Sqlite);

public sealed class AllocationServiceTestsOnPostgres() : AllocationServiceTests(DatabaseProvider.Postgres);

public sealed class AllocationServiceTestsOnSqlServer() : AllocationServiceTests(DatabaseProvider.SqlServer);

/// <summary>The service that applies the engine: one transaction, only what changed, safe against concurrent changes.</summary>
public abstract class AllocationServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly ManualClock clock = new(AllocationScenario.Now);
    private readonly RecordingNoticeQueue notices = new();

    private AllocationService Service(INoticeQueue? queue = null) =>
        new(new TestDbContextFactory(Db), queue ?? notices, clock, NullLogger<AllocationService>.Instance);

    [Fact]
    public async Task Run_reserves_stock_by_priority_projects_dates_and_clears_the_flag_in_one_go()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var product = await data.ProductAsync(onHand: 10);
        var tier3 = await data.OrderAsync(product, 6, tier: 3, placedAt: AllocationScenario.Now.AddHours(-2));
        var tier1 = await data.OrderAsync(product, 8, tier: 1, placedAt: AllocationScenario.Now.AddHours(-1));
        var po = await data.PurchaseOrderAsync(product, 20, expected: new DateOnly(2026, 11, 27)); // Friday

        var summary = await Service().RunProductAsync(product.Id);

        await using var check = NewContext();
        var lines = await check.SalesOrderLines.AsNoTracking().ToDictionaryAsync(l => l.SalesOrderId);
        // Tier 1 first: it takes 8 of the 10 although it was placed later; tier 3 gets the last 2 and waits for 4.
        Assert.Equal((8, 0), (lines[tier1.Id].Allocated, lines[tier1.Id].Backordered));
        Assert.Equal((2, 4), (lines[tier3.Id].Allocated, lines[tier3.Id].Backordered));
        Assert.Equal(10, (await check.StockLevels.SingleAsync(s => s.ProductId == product.Id)).Allocated);

        // Allocated: Monday + 1 pick day = Tuesday 24th, worked out when read, so not stored. Waiting: PO due Friday 27th
        // + 1 receiving day (Monday 30th) + 1 pick day = Tuesday 1 December.
        Assert.Equal(((DateOnly?)null, EtaBasis.Allocated), (lines[tier1.Id].EtaDate, lines[tier1.Id].EtaBasis));
        Assert.Equal(new DateOnly(2026, 11, 24), (await AllocationRules.LoadAsync(check, clock, default)).ShipDates.InStock);
        Assert.Equal((new DateOnly(2026, 12, 1), EtaBasis.PurchaseOrder), (lines[tier3.Id].EtaDate, lines[tier3.Id].EtaBasis));
        Assert.Equal(po.Id, lines[tier3.Id].EtaPurchaseOrderId);
        Assert.Contains(po.Number, lines[tier3.Id].EtaNote);
        Assert.False(await check.PendingAllocations.AnyAsync(p => p.ProductId == product.Id));

        var backordered = Assert.Single(notices.Queued, n => n.Notice.Kind == NoticeKind.Backordered);
        Assert.Equal((tier3.Id, 4, new DateOnly(2026, 12, 1)), (backordered.SalesOrderId, backordered.Notice.Quantity, backordered.Notice.EtaDate));
        Assert.Equal(10, summary.UnitsAllocated);
    }

    [Fact]
    public async Task Each_run_records_what_it_held_and_a_month_of_records_is_kept()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var product = await data.ProductAsync(onHand: 10);
        await data.OrderAsync(product, 6, tier: 3, placedAt: AllocationScenario.Now.AddHours(-2));

        await Service().RunProductAsync(product.Id);
        clock.Advance(TimeSpan.FromDays(31));
        await Service().RunAllAsync();

        await using (var check = NewContext())
        {
            var runs = await check.AllocationRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([(product.Id, 1, 1), (null, 1, 0)], runs.Select(r => (r.ProductId, r.Products, r.LinesWritten)));
            Assert.Equal(AllocationScenario.Now, runs[0].StartedAt);
            Assert.Contains(Environment.ProcessId.ToString(), runs[0].Instance);
        }

        Assert.Equal(1, await Service().PruneRunRecordsAsync());
        await using var after = NewContext();
        Assert.Null(Assert.Single(await after.AllocationRuns.AsNoTracking().ToListAsync()).ProductId);
    }

    [Fact]
    public async Task Runs_asked_for_at_once_for_one_marked_product_allocate_it_once()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var product = await data.ProductAsync(onHand: 10);
        await data.OrderAsync(product, 6, tier: 3, placedAt: AllocationScenario.Now.AddHours(-2));
        await using (var mark = NewContext())
        {
            await using var transaction = await mark.Database.BeginTransactionAsync();
            await AllocationFlags.MarkAsync(mark, [product.Id], "receipt", AllocationScenario.Now);
            await transaction.CommitAsync();
        }

        // The receipt's job and a sweep on another instance, say: whichever waits for the lock finds the work done.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Service().RunPendingAsync([product.Id])));

        await using var check = NewContext();
        var run = Assert.Single(await check.AllocationRuns.AsNoTracking().ToListAsync());
        Assert.Equal((product.Id, 1), (run.ProductId, run.LinesWritten));
    }

    [Fact]
    public async Task Running_again_on_unchanged_data_writes_nothing_and_tells_nobody()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var product = await data.ProductAsync(onHand: 3);
        await data.OrderAsync(product, 5);
        await Service().RunProductAsync(product.Id);
        notices.Queued.Clear();

        var again = await Service().RunProductAsync(product.Id);

        Assert.Equal(0, again.LinesWritten);
        Assert.Empty(notices.Queued);
    }

    [Fact]
    public async Task Next_days_run_rewrites_only_the_lead_time_date_and_what_the_late_pos_customer_is_told()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var inStock = await data.ProductAsync(onHand: 10);
        await data.OrderAsync(inStock, 4);
        await data.OrderAsync(inStock, 6);
        var onOrder = await data.ProductAsync(onHand: 0);
        await data.OrderAsync(onOrder, 5);
        await data.PurchaseOrderAsync(onOrder, 20, expected: new DateOnly(2026, 12, 4));
        var late = await data.ProductAsync(onHand: 0);
        await data.OrderAsync(late, 5);
        await data.PurchaseOrderAsync(late, 20, expected: new DateOnly(2026, 11, 20)); // due last Friday
        var noSupply = await data.ProductAsync(onHand: 0);
        var waitingOnLeadTime = await data.OrderAsync(noSupply, 5);
        int[] products = [inStock.Id, onOrder.Id, late.Id, noSupply.Id];
        await Service().RunAsync(products);

        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await Service().RunAsync(products);

        // Allocated lines ship once picked and the late PO's goods count as arriving today, whatever today is; the
        // on-time PO's date stands. Only the lead-time date (today + lead time + handling) is stored and moves, and the
        // customer behind the late PO is told the day's slip (what they were told is stored).
        Assert.Equal(2, nextDay.LinesWritten);
        await using var check = NewContext();
        var moved = await check.SalesOrderLines.SingleAsync(l => l.ProductId == noSupply.Id);
        Assert.Equal((waitingOnLeadTime.Id, EtaBasis.LeadTime), (moved.SalesOrderId, moved.EtaBasis));
        var behindLatePo = await check.SalesOrderLines.SingleAsync(l => l.ProductId == late.Id);
        Assert.Equal((EtaBasis.PurchaseOrder, true, (DateOnly?)null), (behindLatePo.EtaBasis, behindLatePo.EtaOverdue, behindLatePo.EtaDate));
        Assert.Equal(new DateOnly(2026, 11, 26), behindLatePo.NotifiedEtaDate); // Tuesday + 1 receiving + 1 pick day
    }

    [Fact]
    public async Task A_ship_complete_order_whose_pools_all_fill_in_one_run_is_announced_ready_on_every_line()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var bolts = await data.ProductAsync(onHand: 0);
        var nuts = await data.ProductAsync(onHand: 0);
        var order = await data.ShipCompleteOrderAsync((bolts, 2), (nuts, 3));
        await Service().RunAsync([bolts.Id, nuts.Id]);
        notices.Queued.Clear();
        await db.StockLevels.Where(s => s.ProductId == bolts.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, 2));
        await db.StockLevels.Where(s => s.ProductId == nuts.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, 3));

        // One run fills both: each pool must see the other's new allocation, not the one stored before the run.
        await Service().RunAsync([bolts.Id, nuts.Id]);

        var ready = notices.Queued.Where(n => n.Notice.Kind == NoticeKind.ReadyToShip).ToList();
        Assert.Equal([order.Id, order.Id], ready.Select(n => n.SalesOrderId));
        Assert.Equal([2, 3], ready.Select(n => n.Notice.Quantity).Order());
    }

    [Fact]
    public async Task A_crash_inside_the_run_leaves_nothing_half_written()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var product = await data.ProductAsync(onHand: 4);
        var order = await data.OrderAsync(product, 10);
        var crashing = new RecordingNoticeQueue { DuringRun = (_, _) => throw new InvalidOperationException("power cut") };

        await Assert.ThrowsAsync<InvalidOperationException>(() => Service(crashing).RunProductAsync(product.Id));

        // Lines and stock were already written inside the transaction when it died; none of it may remain.
        await using var check = NewContext();
        var line = await check.SalesOrderLines.AsNoTracking().SingleAsync(l => l.SalesOrderId == order.Id);
        Assert.Equal((0, 10, (DateOnly?)null), (line.Allocated, line.Backordered, line.EtaDate));
        Assert.Equal(0, (await check.StockLevels.SingleAsync(s => s.ProductId == product.Id)).Allocated);
        Assert.True(await check.PendingAllocations.AnyAsync(p => p.ProductId == product.Id), "The product must stay marked for the sweep.");
    }

    [Fact]
    public async Task A_product_marked_again_during_a_run_keeps_its_flag_for_the_next_run()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var product = await data.ProductAsync(onHand: 1);
        await data.OrderAsync(product, 3);
        var markedMidRun = new RecordingNoticeQueue
        {
            DuringRun = (runDb, _) => AllocationFlags.MarkAsync(runDb, [product.Id], "receipt during the run", clock.GetUtcNow()),
        };

        await Service(markedMidRun).RunProductAsync(product.Id);

        await using var check = NewContext();
        var flag = await check.PendingAllocations.AsNoTracking().SingleAsync(p => p.ProductId == product.Id);
        Assert.Equal("receipt during the run", flag.Reason);
    }

    [Fact]
    public async Task Two_concurrent_runs_on_one_product_never_over_allocate()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var product = await data.ProductAsync(onHand: 25);
        for (var i = 0; i < 12; i++)
        {
            await data.OrderAsync(product, 3 + i % 4, tier: 1 + i % 5, placedAt: AllocationScenario.Now.AddMinutes(-i));
        }

        await Task.WhenAll(Service().RunProductAsync(product.Id), Service().RunProductAsync(product.Id));

        await AssertConsistentAsync(product.Id, expectedOnHand: 25);
    }

    [Fact]
    public async Task Receipts_racing_with_runs_never_over_allocate_and_every_unit_reaches_a_waiting_line()
    {
        await using var db = NewContext();
        var data = await new AllocationScenario(db).WithWarehouseAsync();
        var product = await data.ProductAsync(onHand: 0);
        for (var i = 0; i < 10; i++)
        {
            await data.OrderAsync(product, 10, tier: 1 + i % 5, placedAt: AllocationScenario.Now.AddMinutes(-i));
        }

        var receipts = Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                await ReceiveAsync(product.Id, 5);
            }
        });
        var runs = Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                await Service().RunProductAsync(product.Id);
            }
        });
        await Task.WhenAll(receipts, runs);
        await Service().RunProductAsync(product.Id);

        // 40 units arrived for 100 waiting: all 40 are reserved, none twice.
        var allocated = await AssertConsistentAsync(product.Id, expectedOnHand: 40);
        Assert.Equal(40, allocated);
    }

    // A receipt as the warehouse records it: stock and the product's allocation flag change together, and a race
    // with an allocation run is retried rather than reported, since a receipt does not depend on what was read.
    private Task ReceiveAsync(int productId, int quantity) =>
        new TestDbContextFactory(Db).RetryOnConflictAsync(async db =>
        {
            var stock = await db.StockLevels.SingleAsync(s => s.ProductId == productId);
            stock.Receive(quantity);
            await db.SaveChangesAsync();
            await AllocationFlags.MarkAsync(db, [productId], "receipt", clock.GetUtcNow());
            return true;
        });

    private async Task<int> AssertConsistentAsync(int productId, int expectedOnHand)
    {
        await using var check = NewContext();
        var stock = await check.StockLevels.AsNoTracking().SingleAsync(s => s.ProductId == productId);
        var lines = await check.SalesOrderLines.AsNoTracking().Where(l => l.ProductId == productId).ToListAsync();
        Assert.Equal(expectedOnHand, stock.OnHand);
        Assert.Equal(lines.Sum(l => l.Allocated), stock.Allocated);
        Assert.True(stock.Allocated <= stock.OnHand, $"Allocated {stock.Allocated} exceeds on hand {stock.OnHand}.");
        Assert.All(lines, l => Assert.True(l.Allocated <= l.Ordered - l.Shipped - l.Cancelled));
        Assert.Equal(Math.Min(stock.OnHand, lines.Sum(l => l.Ordered)), stock.Allocated);
        return stock.Allocated;
    }
}
