using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Features.Admin;
using Portal.Features.Admin.Audit;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Notifications.Delivery;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Sales.OrderDetail;
using Portal.Features.Warehouse.Adjustments;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Admin;

public sealed class AuditTrailTestsOnSqlite() : AuditTrailTests(DatabaseProvider.Sqlite);

public sealed class AuditTrailTestsOnPostgres() : AuditTrailTests(DatabaseProvider.Postgres);

public sealed class AuditTrailTestsOnSqlServer() : AuditTrailTests(DatabaseProvider.SqlServer);

/// <summary>
/// One action of each area lands in the audit log with its user and the before → after of each field it moved, the
/// log filters by user, entity and days, and the app can never edit or delete an entry.
/// </summary>
public abstract class AuditTrailTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly ManualClock clock = new(TestData.Now);

    [Fact]
    public async Task One_action_of_each_area_is_audited_with_its_user_and_before_and_after_values()
    {
        var (orderId, poId, productId, warehouseId) = await SeedAsync();
        var factory = new TestDbContextFactory(Db);
        var scheduler = new AllocationScheduler(new RecordingJobClient(), NullLogger<AllocationScheduler>.Instance);

        var version = (await new OrderDetailService(factory, scheduler, clock).GetAsync(orderId))!.Version;
        Assert.Null(await new OrderDetailService(factory, scheduler, clock).ChangeQuantityAsync(orderId, version, 1, 5, "sam@sales.example"));
        var poVersion = await PoVersionAsync(poId);
        Assert.Null(await new PurchaseOrderService(factory, scheduler, clock).ChangeExpectedDateAsync(poId, 1, new DateOnly(2026, 12, 9), poVersion, "pat@buying.example"));
        Assert.Null(await new StockAdjustmentService(factory, scheduler, clock).AdjustAsync(productId, warehouseId, -3, "Count", "wes@dock.example"));
        var passwords = new SmtpPasswordProtector(new EphemeralDataProtectionProvider());
        var email = new EmailSettingsSource(factory, Options.Create(new EmailOptions()), passwords);
        var settings = new SettingsService(factory, passwords, email, scheduler, clock);
        var form = await settings.GetAsync();
        form.PickDays += 1;
        Assert.Null(await settings.SaveAsync(form, "ada@admin.example"));

        await using var db = NewContext();
        var log = await db.AuditEvents.OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(log, a => a.User == "sam@sales.example" && a.Changes!.Contains("Ordered: 8 → 5"));
        Assert.Contains(log, a => a.User == "pat@buying.example" && a.Changes!.Contains("ExpectedDate: Mon 30 Nov 2026 → Wed 9 Dec 2026"));
        Assert.Contains(log, a => a.User == "wes@dock.example" && a.Changes!.Contains("OnHand: 10 → 7"));
        Assert.Contains(log, a => a.User == "ada@admin.example" && a.Changes!.Contains($"PickDays: {form.PickDays - 1} → {form.PickDays}"));
        Assert.All(log, a => Assert.DoesNotContain("Version", a.Changes ?? "")); // row versions are bookkeeping, not a change
    }

    [Fact]
    public async Task The_log_filters_by_user_entity_and_days()
    {
        await using (var db = NewContext())
        {
            db.AuditEvents.AddRange(
                new AuditEvent(TestData.Now.AddDays(-3), "sam", "SalesOrder", "SO-000001", "Created", null),
                new AuditEvent(TestData.Now.AddDays(-1), "sam", "PurchaseOrder", "PO-000001", "Created", null),
                new AuditEvent(TestData.Now, "pat", "PurchaseOrder", "PO-000002", "Cancelled", "Supplier gone"));
            await db.SaveChangesAsync();
        }

        var audit = new AuditLogService(new TestDbContextFactory(Db));
        async Task<IEnumerable<string>> Ids(AuditFilter filter) => (await audit.GetAsync(filter, new PageRequest())).Rows.Select(r => r.EntityId);

        Assert.Equal(["PO-000001", "SO-000001"], await Ids(new AuditFilter(User: "sam")));
        Assert.Equal(["PO-000002", "PO-000001"], await Ids(new AuditFilter(Entity: "PurchaseOrder")));
        Assert.Equal(["PO-000001"], await Ids(new AuditFilter(From: TestData.Today.AddDays(-2), To: TestData.Today.AddDays(-1))));
        Assert.Equal(["PO-000002"], await Ids(new AuditFilter(Search: "Supplier gone")));
        var (users, entities) = await audit.ChoicesAsync();
        Assert.Equal(["pat", "sam"], users);
        Assert.Equal(["PurchaseOrder", "SalesOrder"], entities);
    }

    [Fact]
    public async Task The_app_can_neither_change_nor_delete_an_entry()
    {
        await using (var db = NewContext())
        {
            db.AuditEvents.Add(new AuditEvent(TestData.Now, "sam", "SalesOrder", "SO-000001", "Created", null));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var entry = await db.AuditEvents.SingleAsync();
            entry.RecordChanges("tampered");
            Assert.Equal("The audit log is append-only: an entry cannot be changed or deleted.",
                (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message);
            db.ChangeTracker.Clear();
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = NewContext();
        Assert.Null((await check.AuditEvents.SingleAsync()).Changes);
    }

    private async Task<(int OrderId, int PoId, int ProductId, int WarehouseId)> SeedAsync()
    {
        await using var db = NewContext();
        var data = new TestData(db);
        var warehouse = data.AddWarehouse();
        var supplier = data.AddSupplier();
        var product = data.AddProduct(supplier: supplier);
        data.AddStock(product, warehouse, onHand: 10);
        var order = data.AddSalesOrder(data.AddCustomer(), warehouse, lines: [(product, 8)]);
        var po = data.AddPurchaseOrder(supplier, warehouse, [(product, 10, new DateOnly(2026, 11, 30))]);
        return (order.Id, po.Id, product.Id, warehouse.Id);
    }

    private async Task<int> PoVersionAsync(int poId)
    {
        await using var db = NewContext();
        return (await db.PurchaseOrders.SingleAsync(p => p.Id == poId)).Version;
    }
}
