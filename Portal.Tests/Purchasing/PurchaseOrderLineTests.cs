using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Purchasing.PurchasingScenario;

namespace Portal.Tests.Purchasing;

public sealed class PurchaseOrderLineTestsOnSqlite() : PurchaseOrderLineTests(DatabaseProvider.Sqlite);

public sealed class PurchaseOrderLineTestsOnPostgres() : PurchaseOrderLineTests(DatabaseProvider.Postgres);

public sealed class PurchaseOrderLineTestsOnSqlServer() : PurchaseOrderLineTests(DatabaseProvider.SqlServer);

/// <summary>
/// Changing one line of a purchase order from its page: cancelling the rest of a line, shortening it, moving its
/// date. Each is audited, marks the product so waiting customers' dates follow, and refuses a stale edit.
/// </summary>
public abstract class PurchaseOrderLineTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Buyer = "buyer@portal.example";

    /// <summary>
    /// VALVE-1, none on the shelf, one customer waits for 10. PO A brings 10 on Friday 27 November (line 1) with a
    /// second line of GASKET-2; PO B brings 10 more on Friday 4 December.
    /// </summary>
    private async Task<(int PoA, int PoB, int Valve, int Gasket, int WaitingLine)> SeedAsync()
    {
        await using var db = NewContext();
        var s = new PurchasingScenario(db);
        var (main, acme) = (s.Data.AddWarehouse("MAIN"), s.Data.AddSupplier("Acme"));
        var valve = s.Product("VALVE-1", "Ball valve", 20m, acme);
        var gasket = s.Product("GASKET-2", "Gasket", 1m, acme);
        var waiting = s.Line(s.Data.AddCustomer("WAITS"), main, valve, 10);
        var poA = new PurchaseOrder(acme.Id, main.Id, Buyer, DaysAgo(3));
        poA.AddLine(valve.Id, 10, Day(11, 27), 12.5m);
        poA.AddLine(gasket.Id, 50, Day(11, 27), 0.4m);
        s.Data.Save(poA);
        var poB = s.Po(acme, main, valve, 10, Day(12, 4), unitCost: 13m);
        return (poA.Id, poB.Id, valve.Id, gasket.Id, waiting.Id);
    }

    private async Task<int> VersionAsync(int poId)
    {
        await using var db = NewContext();
        return await db.PurchaseOrders.Where(o => o.Id == poId).Select(o => o.Version).SingleAsync();
    }

    private async Task<PurchaseOrder> LoadAsync(int poId)
    {
        await using var db = NewContext();
        return await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == poId);
    }

    private async Task ReceiveAsync(int poId, int lineNumber, int quantity)
    {
        await using var db = NewContext();
        var po = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == poId);
        po.Receive(lineNumber, quantity);
        db.Entry(po).State = EntityState.Modified;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Cancelling_the_rest_of_a_line_keeps_what_arrived_audits_the_reason_and_marks_the_product()
    {
        var w = await SeedAsync();
        await ReceiveAsync(w.PoA, 1, 4);
        var services = new PurchasingServices(Db);

        var error = await services.PurchaseOrders.CancelLineAsync(w.PoA, 1, "  Supplier discontinued it ", await VersionAsync(w.PoA), Buyer);

        Assert.Null(error);
        var po = await LoadAsync(w.PoA);
        Assert.Equal([(1, 10, 4, 6, 0), (2, 50, 0, 0, 50)], po.Lines.OrderBy(l => l.LineNumber).Select(l => (l.LineNumber, l.Ordered, l.Received, l.Cancelled, l.Open)));
        Assert.Equal(PurchaseOrderStatus.Open, po.Status); // the gasket line is still to come
        await using var db = NewContext();
        var audit = await db.AuditEvents.SingleAsync(a => a.EntityId == po.Number);
        Assert.Equal(("Line cancelled", "Line 1: 6 open units cancelled (Supplier discontinued it)", Buyer), (audit.Action, audit.Details, audit.User));
        Assert.Equal([w.Valve], await db.PendingAllocations.Select(p => p.ProductId).ToListAsync());
    }

    [Fact]
    public async Task Cancelling_a_line_moves_the_waiting_customers_date_to_the_next_supply()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);
        await services.Allocation.RunProductAsync(w.Valve);
        await using (var before = NewContext())
        {
            // PO A's Friday 27th + 1 receiving day (Monday 30th) + 1 pick day.
            var line = await before.SalesOrderLines.AsNoTracking().SingleAsync(l => l.Id == w.WaitingLine);
            Assert.Equal((w.PoA, (DateOnly?)Day(12, 1)), (line.EtaPurchaseOrderId, line.EtaDate));
        }

        Assert.Null(await services.PurchaseOrders.CancelLineAsync(w.PoA, 1, "Supplier discontinued it", await VersionAsync(w.PoA), Buyer));
        await services.Allocation.RunPendingAsync([w.Valve]);

        await using var after = NewContext();
        // PO B's Friday 4 December + 1 receiving day (Monday 7th) + 1 pick day.
        var moved = await after.SalesOrderLines.AsNoTracking().SingleAsync(l => l.Id == w.WaitingLine);
        Assert.Equal((w.PoB, (DateOnly?)Day(12, 8)), (moved.EtaPurchaseOrderId, moved.EtaDate));
    }

    [Theory]
    [InlineData(0, PurchaseOrderStatus.Cancelled)] // nothing ever arrived
    [InlineData(3, PurchaseOrderStatus.Received)] // some arrived: the order is done, and what came stays received
    public async Task Cancelling_the_last_open_line_closes_the_order(int received, PurchaseOrderStatus closedAs)
    {
        var w = await SeedAsync();
        if (received > 0)
        {
            await ReceiveAsync(w.PoB, 1, received);
        }

        var services = new PurchasingServices(Db);

        Assert.Null(await services.PurchaseOrders.CancelLineAsync(w.PoB, 1, "Bought elsewhere", await VersionAsync(w.PoB), Buyer));

        var po = await LoadAsync(w.PoB);
        Assert.Equal((closedAs, 0), (po.Status, po.Lines[0].Open));
        await using var db = NewContext();
        Assert.EndsWith($"; {po.Number} is now {closedAs.ToString().ToLowerInvariant()}", (await db.AuditEvents.SingleAsync()).Details);
    }

    [Fact]
    public async Task Shortening_a_line_to_what_arrived_closes_it_and_with_it_the_order()
    {
        var w = await SeedAsync();
        await ReceiveAsync(w.PoB, 1, 7);
        var services = new PurchasingServices(Db);

        Assert.Null(await services.PurchaseOrders.ChangeQuantityAsync(w.PoB, 1, 7, await VersionAsync(w.PoB), Buyer));

        var po = await LoadAsync(w.PoB);
        Assert.Equal((PurchaseOrderStatus.Received, 7, 0), (po.Status, po.Lines[0].Ordered, po.Lines[0].Open));
    }

    [Theory]
    [InlineData(null, "Reason is required.")]
    [InlineData("   ", "Reason is required.")]
    public async Task Cancelling_without_a_reason_is_refused_and_nothing_changes(string? reason, string message)
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);

        var error = await services.PurchaseOrders.CancelLineAsync(w.PoA, 1, reason, await VersionAsync(w.PoA), Buyer);

        Assert.Equal(message, error);
        Assert.Equal(0, (await LoadAsync(w.PoA)).Line(1).Cancelled);
        await using var db = NewContext();
        Assert.False(await db.AuditEvents.AnyAsync());
        Assert.False(await db.PendingAllocations.AnyAsync());
    }

    [Fact]
    public async Task A_line_with_nothing_left_to_come_cannot_be_cancelled_or_moved()
    {
        var w = await SeedAsync();
        await ReceiveAsync(w.PoA, 1, 10);
        var services = new PurchasingServices(Db);
        var version = await VersionAsync(w.PoA);

        Assert.Equal("Line 1 has nothing still to come; there is nothing left to cancel.",
            await services.PurchaseOrders.CancelLineAsync(w.PoA, 1, "Too late", version, Buyer));
        Assert.Equal("Line 1 has nothing still to come; its expected date no longer matters.",
            await services.PurchaseOrders.ChangeExpectedDateAsync(w.PoA, 1, Day(12, 10), version, Buyer));
        Assert.Equal(10, (await LoadAsync(w.PoA)).Line(1).Received);
    }

    [Fact]
    public async Task A_stale_line_cancel_is_told_and_the_colleagues_change_stands()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);
        var seen = await VersionAsync(w.PoA);
        Assert.Null(await services.PurchaseOrders.ChangeExpectedDateAsync(w.PoA, 1, Day(12, 2), seen, "colleague@portal.example"));

        var error = await services.PurchaseOrders.CancelLineAsync(w.PoA, 1, "Supplier discontinued it", seen, Buyer);

        Assert.Contains("changed by someone else", error);
        var line = (await LoadAsync(w.PoA)).Lines.Single(l => l.LineNumber == 1);
        Assert.Equal((0, Day(12, 2)), (line.Cancelled, line.ExpectedDate));
    }

    [Fact]
    public async Task An_expected_date_before_today_is_refused_by_the_service_too()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);

        var error = await services.PurchaseOrders.ChangeExpectedDateAsync(w.PoA, 1, Day(11, 20), await VersionAsync(w.PoA), Buyer);

        Assert.Equal("Expected date cannot be before today (Mon 23 Nov 2026).", error);
        Assert.Equal(Day(11, 27), (await LoadAsync(w.PoA)).Line(1).ExpectedDate);
    }

    [Fact]
    public async Task A_new_line_without_a_cost_takes_the_products_last_cost()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);
        var poB = await LoadAsync(w.PoB);

        var (id, error) = await services.PurchaseOrders.CreateAsync(poB.SupplierId, poB.WarehouseId,
            [new NewPurchaseOrderLine(w.Valve, 5, Day(12, 10)), new NewPurchaseOrderLine(w.Gasket, 20, Day(12, 10))], Buyer);

        Assert.Null(error);
        // VALVE-1 was last bought on PO B at 13.00 (after PO A's 12.50); GASKET-2 only on PO A, at 0.40.
        Assert.Equal([13m, 0.4m], (await LoadAsync(id!.Value)).Lines.OrderBy(l => l.LineNumber).Select(l => l.UnitCost));
    }
}
