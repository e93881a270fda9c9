using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Purchasing.Redistribution;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Purchasing.PurchasingScenario;

namespace Portal.Tests.Purchasing;

public sealed class RedistributionTestsOnSqlite() : RedistributionTests(DatabaseProvider.Sqlite);

public sealed class RedistributionTestsOnPostgres() : RedistributionTests(DatabaseProvider.Postgres);

public sealed class RedistributionTestsOnSqlServer() : RedistributionTests(DatabaseProvider.SqlServer);

/// <summary>Redistribute (docs/allocation.md#redistribute): a preview that writes nothing, and a confirm that writes exactly it or nothing.</summary>
public abstract class RedistributionTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Buyer = "buyer@portal.example";

    /// <summary>
    /// 12 on hand, all 12 reserved: EARLY (tier 3, placed 5 days ago) holds 6 of 6, HELD (on hold, 4 days ago) 2 of 2,
    /// LATER (tier 3, 3 days ago) 4 of 4. TOP (tier 1, placed today) waits for 5 with nothing. Redistributed: TOP 5,
    /// EARLY 6, HELD 0 (on hold), LATER 1.
    /// </summary>
    private async Task<World> SeedAsync()
    {
        await using var db = NewContext();
        var s = new PurchasingScenario(db);
        var main = s.Data.AddWarehouse("MAIN");
        var product = s.Product("VALVE-1", "Ball valve", 20m, s.Data.AddSupplier());
        s.Stock(product, main, onHand: 12, allocated: 12);
        var early = s.Line(s.Data.AddCustomer("EARLY"), main, product, 6, allocated: 6, placedAt: DaysAgo(5));
        early.SetPromise(Day(11, 24), EtaBasis.Allocated, false, null, "Ships from stock", "Got 6 of 6");
        var later = s.Line(s.Data.AddCustomer("LATER"), main, product, 4, allocated: 4, placedAt: DaysAgo(3));
        later.SetPromise(Day(11, 24), EtaBasis.Allocated, false, null, "Ships from stock", "Got 4 of 4");
        var held = s.Line(s.Data.AddCustomer("HELD"), main, product, 2, allocated: 2, placedAt: DaysAgo(4));
        var top = s.Line(s.Data.AddCustomer("TOP", priorityTier: 1), main, product, 5, placedAt: DaysAgo(0));
        await db.SaveChangesAsync();
        var heldOrder = await db.SalesOrders.SingleAsync(o => o.Id == held.SalesOrderId);
        heldOrder.PutOnHold();
        await db.SaveChangesAsync();
        return new World(product.Id, main.Id, early.Id, later.Id, held.Id, top.Id);
    }

    private sealed record World(int Product, int Warehouse, int Early, int Later, int Held, int Top);

    [Fact]
    public async Task Preview_shows_who_gains_and_who_loses_with_the_engines_reasons()
    {
        var w = await SeedAsync();

        var preview = await new PurchasingServices(Db).Redistribution.PreviewAsync(w.Product);

        Assert.NotNull(preview);
        var pool = Assert.Single(preview.Pools);
        Assert.Equal((12, 12, 12), (pool.OnHand, pool.AllocatedBefore, pool.AllocatedAfter));
        Assert.Equal([w.Top, w.Early, w.Held, w.Later], pool.Lines.Select(l => l.LineId)); // priority order
        var gainer = Assert.Single(pool.Gainers);
        Assert.Equal((w.Top, "Customer Ltd", 0, 5), (gainer.LineId, gainer.Customer, gainer.Before, gainer.After));
        Assert.Contains("tier 1 comes before tier 3", gainer.Explanation);
        Assert.Equal([(w.Held, 2, 0), (w.Later, 4, 1)], pool.Losers.Select(l => (l.LineId, l.Before, l.After)));
        Assert.Contains("on hold", pool.Losers.First().Explanation);
        Assert.Contains("tier 1 comes before tier 3", pool.Losers.Last().Explanation);
        Assert.Equal(5, pool.Moves);
    }

    [Fact]
    public async Task Preview_writes_nothing()
    {
        var w = await SeedAsync();
        var before = await StateAsync();

        await new PurchasingServices(Db).Redistribution.PreviewAsync(w.Product);

        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task Confirm_applies_exactly_the_previewed_plan_audits_it_and_marks_the_product()
    {
        var w = await SeedAsync();
        var redistribution = new PurchasingServices(Db).Redistribution;
        var preview = (await redistribution.PreviewAsync(w.Product))!;

        var error = await redistribution.ConfirmAsync(preview, Buyer);

        Assert.Null(error);
        await using var db = NewContext();
        var lines = await db.SalesOrderLines.AsNoTracking().ToDictionaryAsync(l => l.Id);
        foreach (var planned in preview.Pools.Single().Lines)
        {
            Assert.Equal(planned.After, lines[planned.LineId].Allocated);
            Assert.Equal(planned.Open - planned.After, lines[planned.LineId].Backordered);
        }

        Assert.Equal(12, (await db.StockLevels.SingleAsync()).Allocated);
        // The reason is kept on the line; its promise stays as stored until the allocation run re-projects it.
        Assert.Contains("tier 1 comes before tier 3", lines[w.Later].AllocationNote);
        Assert.Equal(("Ships from stock", (DateOnly?)Day(11, 24)), (lines[w.Later].EtaNote, lines[w.Later].EtaDate));
        Assert.Equal("Got 6 of 6", lines[w.Early].AllocationNote); // unchanged lines are not written

        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal((Buyer, "Product", "VALVE-1", "Redistributed"), (audit.User, audit.Entity, audit.EntityId, audit.Action));
        Assert.Contains($"{SalesOrder.Format(lines[w.Top].SalesOrderId)} line 1 0 → 5", audit.Details);
        Assert.Equal(w.Product, (await db.PendingAllocations.SingleAsync()).ProductId);
    }

    [Fact]
    public async Task Confirm_moves_free_stock_too_and_writes_the_new_reservation_total()
    {
        var w = await SeedAsync();
        await using (var db = NewContext())
        {
            (await db.StockLevels.SingleAsync()).Receive(3);
            await db.SaveChangesAsync();
        }

        var redistribution = new PurchasingServices(Db).Redistribution;
        var error = await redistribution.ConfirmAsync((await redistribution.PreviewAsync(w.Product))!, Buyer);

        Assert.Null(error);
        await using var check = NewContext();
        Assert.Equal(15, (await check.StockLevels.SingleAsync()).Allocated);
        Assert.Equal(4, (await check.SalesOrderLines.SingleAsync(l => l.Id == w.Later)).Allocated);
    }

    [Fact]
    public async Task A_receipt_between_preview_and_confirm_is_refused_and_nothing_is_written()
    {
        var w = await SeedAsync();
        var redistribution = new PurchasingServices(Db).Redistribution;
        var preview = (await redistribution.PreviewAsync(w.Product))!;
        await using (var db = NewContext())
        {
            (await db.StockLevels.SingleAsync()).Receive(3);
            await db.SaveChangesAsync();
        }

        var before = await StateAsync();

        var error = await redistribution.ConfirmAsync(preview, Buyer);

        Assert.Contains("changed since the preview", error);
        Assert.Contains("12 on hand then, 15 now", error);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_new_order_between_preview_and_confirm_is_refused_and_nothing_is_written()
    {
        var w = await SeedAsync();
        var redistribution = new PurchasingServices(Db).Redistribution;
        var preview = (await redistribution.PreviewAsync(w.Product))!;
        await using (var db = NewContext())
        {
            var s = new PurchasingScenario(db);
            var product = await db.Products.SingleAsync();
            s.Line(s.Data.AddCustomer("NEW", priorityTier: 1), await db.Warehouses.SingleAsync(), product, 2);
        }

        var before = await StateAsync();

        var error = await redistribution.ConfirmAsync(preview, Buyer);

        Assert.Contains("is new", error);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_shipment_between_preview_and_confirm_is_refused()
    {
        var w = await SeedAsync();
        var redistribution = new PurchasingServices(Db).Redistribution;
        var preview = (await redistribution.PreviewAsync(w.Product))!;
        await using (var db = NewContext())
        {
            // Someone shipped part of EARLY's reservation meanwhile.
            var order = await db.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Lines.Any(l => l.Id == w.Early));
            order.Ship(1, 2);
            (await db.StockLevels.SingleAsync()).Ship(2);
            await db.SaveChangesAsync();
        }

        var error = await redistribution.ConfirmAsync(preview, Buyer);

        Assert.Contains("changed since the preview", error);
        await using var check = NewContext();
        Assert.Equal(0, (await check.SalesOrderLines.SingleAsync(l => l.Id == w.Top)).Allocated);
        Assert.False(await check.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task A_pool_already_in_priority_order_has_nothing_to_confirm()
    {
        await using (var db = NewContext())
        {
            var s = new PurchasingScenario(db);
            var main = s.Data.AddWarehouse("MAIN");
            var product = s.Product("PLUG-1", "Wall plug", 1m, null);
            s.Stock(product, main, onHand: 3, allocated: 3);
            s.Line(s.Data.AddCustomer(), main, product, 3, allocated: 3, placedAt: DaysAgo(2));
            s.Line(s.Data.AddCustomer(), main, product, 4, placedAt: DaysAgo(1));
        }

        var redistribution = new PurchasingServices(Db).Redistribution;
        await using var read = NewContext();
        var preview = (await redistribution.PreviewAsync(await read.Products.Select(p => p.Id).SingleAsync()))!;

        Assert.False(preview.ChangesAnything);
        Assert.Contains("nothing to confirm", await redistribution.ConfirmAsync(preview, Buyer));
    }

    [Fact]
    public async Task Preview_of_an_unknown_product_is_null()
    {
        Assert.Null(await new PurchasingServices(Db).Redistribution.PreviewAsync(424_242));
    }

    // Everything Confirm could write: allocations and versions of lines and stock, audit rows, allocation marks.
    private async Task<string> StateAsync()
    {
        await using var db = NewContext();
        var lines = await db.SalesOrderLines.AsNoTracking().OrderBy(l => l.Id).Select(l => $"{l.Id}:{l.Allocated}:{l.Backordered}:{l.Version}:{l.AllocationNote}").ToListAsync();
        var stock = await db.StockLevels.AsNoTracking().OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.OnHand}:{s.Allocated}:{s.Version}").ToListAsync();
        return string.Join("|", lines.Concat(stock).Append($"audit {await db.AuditEvents.CountAsync()}").Append($"marks {await db.PendingAllocations.CountAsync()}"));
    }
}
