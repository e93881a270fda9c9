using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Purchasing.PurchasingScenario;

namespace Portal.Tests.Purchasing;

public sealed class PurchaseOrderServiceTestsOnSqlite() : PurchaseOrderServiceTests(DatabaseProvider.Sqlite);

public sealed class PurchaseOrderServiceTestsOnPostgres() : PurchaseOrderServiceTests(DatabaseProvider.Postgres);

public sealed class PurchaseOrderServiceTestsOnSqlServer() : PurchaseOrderServiceTests(DatabaseProvider.SqlServer);

/// <summary>Creating and changing purchase orders: audited, marked for allocation, and stale edits told rather than saved.</summary>
public abstract class PurchaseOrderServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private const string Buyer = "buyer@portal.example";

    private async Task<(int Supplier, int Warehouse, int Product, int Other)> SeedAsync()
    {
        await using var db = NewContext();
        var s = new PurchasingScenario(db);
        var supplier = s.Data.AddSupplier();
        return (supplier.Id, s.Data.AddWarehouse().Id, s.Data.AddProduct("BOLT-1", supplier: supplier).Id, s.Data.AddProduct("NUT-2", supplier: supplier).Id);
    }

    private async Task<(int Id, int Version)> CreateAsync(PurchaseOrderService service, int supplier, int warehouse, int product)
    {
        var (id, error) = await service.CreateAsync(supplier, warehouse, [new NewPurchaseOrderLine(product, 20, Day(12, 4), 2.5m)], Buyer);
        Assert.Null(error);
        await using var db = NewContext();
        return (id!.Value, await db.PurchaseOrders.Where(o => o.Id == id).Select(o => o.Version).SingleAsync());
    }

    [Fact]
    public async Task Create_saves_the_lines_audits_and_marks_the_products()
    {
        var w = await SeedAsync();
        var service = new PurchasingServices(Db).PurchaseOrders;

        var (id, error) = await service.CreateAsync(w.Supplier, w.Warehouse,
            [new NewPurchaseOrderLine(w.Product, 20, Day(12, 4), 2.5m), new NewPurchaseOrderLine(w.Other, 5, Day(12, 11), 0.125m)], Buyer);

        Assert.Null(error);
        await using var db = NewContext();
        var po = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == id);
        Assert.Equal([(1, w.Product, 20, Day(12, 4), 2.5m), (2, w.Other, 5, Day(12, 11), 0.125m)],
            po.Lines.OrderBy(l => l.LineNumber).Select(l => (l.LineNumber, l.ProductId, l.Ordered, l.ExpectedDate, l.UnitCost)));
        Assert.Equal("Created", (await db.AuditEvents.SingleAsync(a => a.EntityId == po.Number)).Action);
        Assert.Equal([w.Product, w.Other], await db.PendingAllocations.OrderBy(p => p.ProductId).Select(p => p.ProductId).ToListAsync());
    }

    [Theory]
    [InlineData("supplier", "Pick the supplier to order from.")]
    [InlineData("warehouse", "Pick the warehouse the goods go to.")]
    [InlineData("product", "There is no product with id 999.")]
    [InlineData("zero quantity", "BOLT-1: Quantity must be at least 1; got 0.")]
    [InlineData("negative quantity", "BOLT-1: Quantity must be at least 1; got -4.")]
    [InlineData("past date", "BOLT-1: Expected date cannot be before today (Mon 23 Nov 2026).")]
    [InlineData("zero cost", "BOLT-1: Unit cost must be more than 0; got 0.")]
    [InlineData("negative cost", "BOLT-1: Unit cost must be more than 0; got -2.5.")]
    [InlineData("no cost, never bought", "BOLT-1: Unit cost is required; BOLT-1 was never bought before")]
    public async Task Create_refuses_what_cannot_be_ordered_with_a_message_naming_the_field_and_saves_nothing(string wrong, string message)
    {
        var w = await SeedAsync();
        var service = new PurchasingServices(Db).PurchaseOrders;
        var line = new NewPurchaseOrderLine(wrong == "product" ? 999 : w.Product, 5, Day(12, 4), 2.5m);
        line = wrong switch
        {
            "zero quantity" => line with { Quantity = 0 },
            "negative quantity" => line with { Quantity = -4 },
            "past date" => line with { ExpectedDate = Day(11, 20) }, // today is Monday 23 November
            "zero cost" => line with { UnitCost = 0m },
            "negative cost" => line with { UnitCost = -2.5m },
            "no cost, never bought" => line with { UnitCost = null },
            _ => line,
        };

        var (id, error) = await service.CreateAsync(wrong == "supplier" ? 999 : w.Supplier, wrong == "warehouse" ? 999 : w.Warehouse, [line], Buyer);

        Assert.Null(id);
        Assert.Contains(message, error);
        await using var db = NewContext();
        Assert.False(await db.PurchaseOrders.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync());
    }

    [Fact]
    public async Task A_stale_edit_is_told_and_nothing_is_overwritten()
    {
        var w = await SeedAsync();
        var service = new PurchasingServices(Db).PurchaseOrders;
        var (id, seen) = await CreateAsync(service, w.Supplier, w.Warehouse, w.Product);

        // A colleague moves the date first; the page still shows the version from before.
        Assert.Null(await service.ChangeExpectedDateAsync(id, 1, Day(12, 9), seen, "colleague@portal.example"));
        var error = await service.ChangeQuantityAsync(id, 1, 40, seen, Buyer);

        Assert.Contains("changed by someone else", error);
        await using var db = NewContext();
        var line = await db.PurchaseOrderLines.SingleAsync(l => l.PurchaseOrderId == id);
        Assert.Equal((20, Day(12, 9)), (line.Ordered, line.ExpectedDate));
        Assert.Equal(["Created", "Expected date changed"], await db.AuditEvents.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_stale_cancel_is_refused_and_the_order_stays_open()
    {
        var w = await SeedAsync();
        var service = new PurchasingServices(Db).PurchaseOrders;
        var (id, seen) = await CreateAsync(service, w.Supplier, w.Warehouse, w.Product);
        Assert.Null(await service.ChangeQuantityAsync(id, 1, 25, seen, "colleague@portal.example"));

        var error = await service.CancelAsync(id, seen, Buyer);

        Assert.Contains("changed by someone else", error);
        await using var db = NewContext();
        var po = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == id);
        Assert.Equal((Domain.Purchasing.PurchaseOrderStatus.Open, 25, 0), (po.Status, po.Lines[0].Ordered, po.Lines[0].Cancelled));
    }

    [Fact]
    public async Task Edits_with_the_current_version_change_quantity_date_and_cancel_each_audited()
    {
        var w = await SeedAsync();
        var service = new PurchasingServices(Db).PurchaseOrders;
        var (id, version) = await CreateAsync(service, w.Supplier, w.Warehouse, w.Product);

        Assert.Null(await service.ChangeQuantityAsync(id, 1, 30, version, Buyer));
        Assert.Null(await service.ChangeExpectedDateAsync(id, 1, Day(12, 1), version + 1, Buyer));
        Assert.Null(await service.CancelAsync(id, version + 2, Buyer));

        await using var db = NewContext();
        var po = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == id);
        Assert.Equal((Domain.Purchasing.PurchaseOrderStatus.Cancelled, 30, 30, Day(12, 1)), (po.Status, po.Lines[0].Ordered, po.Lines[0].Cancelled, po.Lines[0].ExpectedDate));
        Assert.Equal(["Created", "Quantity changed", "Expected date changed", "Cancelled"], await db.AuditEvents.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_quantity_below_what_was_received_is_refused()
    {
        var w = await SeedAsync();
        var service = new PurchasingServices(Db).PurchaseOrders;
        var (id, _) = await CreateAsync(service, w.Supplier, w.Warehouse, w.Product);
        int version;
        await using (var db = NewContext())
        {
            var po = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == id);
            po.Receive(1, 8);
            db.Entry(po).State = EntityState.Modified;
            await db.SaveChangesAsync();
            version = po.Version;
        }

        var error = await service.ChangeQuantityAsync(id, 1, 5, version, Buyer);

        Assert.Contains("already received 8", error);
    }

    [Fact]
    public async Task Draft_for_a_short_product_suggests_its_supplier_warehouse_packs_and_lead_time()
    {
        int productId, supplierId, warehouseId;
        await using (var db = NewContext())
        {
            var s = new PurchasingScenario(db);
            var supplier = s.Data.AddSupplier("Acme", defaultLeadTimeDays: 5);
            var warehouse = s.Data.AddWarehouse("MAIN");
            var product = s.Product("GASKET-1", "Gasket", 1m, supplier, packSize: 10);
            s.Line(s.Data.AddCustomer(), warehouse, product, 13);
            (productId, supplierId, warehouseId) = (product.Id, supplier.Id, warehouse.Id);
        }

        await new PurchasingServices(Db).Allocation.RunAllAsync(); // keeps the shortage figures the draft reads

        var draft = await new PurchaseOrderQueries(new Common.TestDbContextFactory(Db), new Common.ManualClock(Infrastructure.Builders.TestData.Now))
            .DraftForAsync(productId, null);

        Assert.NotNull(draft);
        // 13 uncovered → two packs of 10; Monday + 5 business days is the next Monday.
        Assert.Equal((supplierId, warehouseId, 20, (DateOnly?)Day(11, 30)), (draft.SupplierId, draft.WarehouseId, draft.Quantity, draft.ExpectedDate));
    }
}
