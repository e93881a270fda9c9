using Portal.Features.Purchasing.Shortages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Features.Purchasing.Suggestions;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Purchasing.PurchasingScenario;

namespace Portal.Tests.Purchasing;

public sealed class SuggestionTestsOnSqlite() : SuggestionTests(DatabaseProvider.Sqlite);

public sealed class SuggestionTestsOnPostgres() : SuggestionTests(DatabaseProvider.Postgres);

public sealed class SuggestionTestsOnSqlServer() : SuggestionTests(DatabaseProvider.SqlServer);

/// <summary>Suggested order quantities: the uncovered shortfall rounded up to whole packs, one click to a purchase order.</summary>
public abstract class SuggestionTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    [Theory]
    [InlineData(0, 5, 0)]
    [InlineData(-3, 10, 0)]
    [InlineData(1, 5, 5)]
    [InlineData(5, 5, 5)]
    [InlineData(6, 5, 10)]
    [InlineData(7, 1, 7)]
    [InlineData(3, 25, 25)]
    public void Suggested_quantity_is_the_shortfall_rounded_up_to_whole_packs(int uncovered, int packSize, int expected) =>
        Assert.Equal(expected, OrderSuggestion.Quantity(uncovered, packSize));

    /// <summary>
    /// Acme (10 days lead time): HINGE, pack 5, 7 uncovered (9 waiting, 2 on the shelf); NUT, pack 25, 3 uncovered,
    /// its own lead time 3 days; BOLT fully covered by a PO. Bolt Bros (5 days): CLAMP, pack 1, 4 uncovered, never
    /// bought. ORPHAN has no supplier. HINGE was last bought at 9.50 and NUT at 0.12, on orders since cancelled.
    /// Thursday 26 November is a holiday.
    /// </summary>
    private async Task<(int Acme, int BoltBros, int Main, int Hinge, int Nut)> SeedAsync()
    {
        await using var db = NewContext();
        var s = new PurchasingScenario(db);
        var main = s.Data.AddWarehouse("MAIN");
        var (acme, bolt) = (s.Data.AddSupplier("Acme Supply", 10), s.Data.AddSupplier("Bolt Bros", 5));
        var customer = s.Data.AddCustomer();
        db.Holidays.Add(new Holiday(Day(11, 26), "Thanksgiving"));

        var hinge = s.Product("HINGE-1", "Brass hinge", 10m, acme, packSize: 5);
        s.Stock(hinge, main, onHand: 2);
        s.Line(customer, main, hinge, 9);
        s.CancelledPo(acme, main, hinge, 5, Day(10, 1), unitCost: 9.5m);
        var nut = s.Product("NUT-2", "Hex nut", 0.2m, acme, packSize: 25, leadTimeDays: 3);
        s.Line(customer, main, nut, 3);
        s.CancelledPo(acme, main, nut, 25, Day(10, 1), unitCost: 0.12m);
        var covered = s.Product("BOLT-3", "Hex bolt", 1m, acme, packSize: 10);
        s.Line(customer, main, covered, 6);
        s.Po(acme, main, covered, 10, Day(12, 1));
        var clamp = s.Product("CLAMP-4", "Pipe clamp", 4m, bolt);
        s.Line(customer, main, clamp, 4);
        var orphan = s.Product("ORPHAN-5", "Odd part", 3m, null);
        s.Line(customer, main, orphan, 2);
        await db.SaveChangesAsync();
        await ShortageAggregate.RebuildAsync(db); // seeded rows, not run: the figures the migration would fill
        return (acme.Id, bolt.Id, main.Id, hinge.Id, nut.Id);
    }

    [Fact]
    public async Task Suppliers_list_what_to_order_from_whom_rounded_to_packs_with_unsupplied_products_last()
    {
        await SeedAsync();
        var services = new PurchasingServices(Db);

        var groups = await services.Suggestions.SuppliersAsync();

        Assert.Equal(
            [("Acme Supply", 2, 10, 35), ("Bolt Bros", 1, 4, 4), (null, 1, 2, 2)],
            groups.Select(g => (g.Supplier, g.Products, g.UncoveredUnits, g.SuggestedUnits)));
    }

    [Fact]
    public async Task Lines_expect_delivery_after_the_lead_time_in_business_days()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);

        var lines = await services.Suggestions.LinesAsync(w.Acme, w.Main);

        // Monday 23 Nov: + 10 business days, skipping Thursday's holiday, is Tuesday 8 Dec; NUT's own 3 days, Friday 27 Nov.
        Assert.Equal(
            [("HINGE-1", 7, 10, (DateOnly?)Day(12, 8)), ("NUT-2", 3, 25, (DateOnly?)Day(11, 27))],
            lines.OrderBy(l => l.Sku).Select(l => (l.Sku, l.Uncovered, l.SuggestedQuantity, l.ExpectedDate)));
    }

    [Fact]
    public async Task One_click_raises_a_purchase_order_for_the_suppliers_suggested_lines()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);

        var (id, error) = await services.Suggestions.RaiseSuggestedAsync(w.Acme, w.Main, "buyer@portal.example");

        Assert.Null(error);
        await using var db = NewContext();
        var po = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == id);
        Assert.Equal((w.Acme, w.Main, "buyer@portal.example"), (po.SupplierId, po.WarehouseId, po.CreatedBy));
        Assert.Equal(
            [(w.Hinge, 10, Day(12, 8), 9.5m), (w.Nut, 25, Day(11, 27), 0.12m)],
            po.Lines.OrderBy(l => l.ProductId).Select(l => (l.ProductId, l.Ordered, l.ExpectedDate, l.UnitCost)));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.EntityId == po.Number && a.Action == "Created"));
        Assert.Equal([w.Hinge, w.Nut], await db.PendingAllocations.Select(p => p.ProductId).OrderBy(p => p).ToListAsync());

        // Once the allocation run the new order asked for has kept the figures, it is on order: nothing from Acme is
        // uncovered any more.
        await services.Allocation.RunPendingAsync(null);
        Assert.DoesNotContain(await services.Suggestions.SuppliersAsync(), g => g.SupplierId == w.Acme);
    }

    [Fact]
    public async Task Raising_refuses_a_line_without_an_expected_date_and_saves_nothing()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);

        var (id, error) = await services.Suggestions.RaiseAsync(w.Acme, w.Main,
            [new SuggestedOrderLine(w.Hinge, 10, Day(12, 8)), new SuggestedOrderLine(w.Nut, 25, null)], "buyer@portal.example");

        Assert.Null(id);
        Assert.Contains("NUT-2", error);
        await using var db = NewContext();
        Assert.Equal(3, await db.PurchaseOrders.CountAsync()); // only the seeded ones
    }

    [Fact]
    public async Task One_click_refuses_a_product_never_bought_naming_it_since_it_has_no_cost_to_order_at()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);

        var (id, error) = await services.Suggestions.RaiseSuggestedAsync(w.BoltBros, w.Main, "buyer@portal.example");

        Assert.Null(id);
        Assert.Equal("CLAMP-4 was never bought before, so there is no last cost to order it at: review the lines and enter its unit cost.", error);
        await using var db = NewContext();
        Assert.Equal(3, await db.PurchaseOrders.CountAsync());
    }

    [Fact]
    public async Task Reviewed_lines_show_the_last_cost_and_a_typed_cost_goes_on_the_order()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);
        var clamp = Assert.Single(await services.Suggestions.LinesAsync(w.BoltBros, w.Main));
        Assert.Equal([9.5m, 0.12m], (await services.Suggestions.LinesAsync(w.Acme, w.Main)).OrderBy(l => l.Sku).Select(l => l.LastCost));
        Assert.Null(clamp.LastCost);

        var (id, error) = await services.Suggestions.RaiseAsync(w.BoltBros, w.Main, [new SuggestedOrderLine(clamp.ProductId, 4, Day(12, 2), 3.75m)], "buyer@portal.example");

        Assert.Null(error);
        await using var db = NewContext();
        Assert.Equal(3.75m, (await db.PurchaseOrderLines.SingleAsync(l => l.PurchaseOrderId == id)).UnitCost);
    }

    [Fact]
    public async Task Edited_quantities_and_dates_go_on_the_purchase_order_as_confirmed()
    {
        var w = await SeedAsync();
        var services = new PurchasingServices(Db);

        var (id, error) = await services.Suggestions.RaiseAsync(w.Acme, w.Main, [new SuggestedOrderLine(w.Hinge, 15, Day(12, 2))], "buyer@portal.example");

        Assert.Null(error);
        await using var db = NewContext();
        var line = await db.PurchaseOrderLines.SingleAsync(l => l.PurchaseOrderId == id);
        Assert.Equal((w.Hinge, 15, Day(12, 2)), (line.ProductId, line.Ordered, line.ExpectedDate));
    }
}
