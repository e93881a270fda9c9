using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Tests.Allocation.Service;

namespace Portal.Tests.Browser;

/// <summary>
/// Two purchase orders of their own in the running portal for one product a customer waits for: PO A brings the
/// units first (with a second, overdue line of another product), PO B a week later. The customer's date is
/// projected before the test starts, so it visibly moves when PO A's line goes.
/// </summary>
internal sealed record PurchaseOrderBrowserData(int ProductId, string Sku, int WaitingLineId, int PoA, int PoB, DateOnly EtaFromA, DateOnly EtaFromB)
{
    public const int Waiting = 6;

    public static async Task<PurchaseOrderBrowserData> AddAsync(PortalServer portal)
    {
        var data = new PurchasingPortalData(portal);
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        int productId, lineId, poA, poB;
        DateOnly dueA, dueB;
        await using (var db = data.Open())
        {
            var warehouse = await db.Warehouses.OrderBy(w => w.Id).FirstAsync();
            var supplier = new Supplier($"PO Test Supply {tag}", null, 10);
            var customer = new Customer($"PT{tag}", $"Waiting Works {tag}", null, 2, "sales@demo.local");
            db.AddRange(supplier, customer);
            await db.SaveChangesAsync();
            var valve = new Product($"PT-VALVE-{tag}", "Ball valve, PO test", 40m, supplier.Id, 10);
            var gasket = new Product($"PT-GASKET-{tag}", "Gasket, PO test", 2m, supplier.Id, 10);
            db.Products.AddRange(valve, gasket);
            await db.SaveChangesAsync();

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            (dueA, dueB) = (today.AddDays(7), today.AddDays(14));
            var order = new SalesOrder(customer, warehouse.Id, "sales@demo.local", DateTimeOffset.UtcNow);
            var line = order.AddLine(valve.Id, Waiting, valve.UnitPrice);
            var a = new PurchaseOrder(supplier.Id, warehouse.Id, "purchasing@demo.local", DateTimeOffset.UtcNow.AddDays(-5));
            a.AddLine(valve.Id, Waiting, dueA, 24.5m);
            a.AddLine(gasket.Id, 50, today.AddDays(-3), 1.2m); // late: stands out as overdue
            var b = new PurchaseOrder(supplier.Id, warehouse.Id, "purchasing@demo.local", DateTimeOffset.UtcNow.AddDays(-4));
            b.AddLine(valve.Id, Waiting, dueB, 25m);
            db.SalesOrders.Add(order);
            db.PurchaseOrders.AddRange(a, b);
            await db.SaveChangesAsync();
            (productId, lineId, poA, poB) = (valve.Id, line.Id, a.Id, b.Id);
        }

        // Project the customer's date now, as the portal's run would, rather than wait minutes for its sweep.
        var factory = new PortalFileFactory(data);
        await new AllocationService(factory, new RecordingNoticeQueue(), TimeProvider.System, NullLogger<AllocationService>.Instance).RunProductAsync(productId);

        await using var read = data.Open();
        var rules = await AllocationRules.LoadAsync(read, TimeProvider.System, CancellationToken.None);
        var handling = rules.Eta.ReceivingDays + rules.Eta.PickDays;
        return new PurchaseOrderBrowserData(productId, $"PT-VALVE-{tag}", lineId, poA, poB,
            rules.Calendar.AddBusinessDays(dueA, handling), rules.Calendar.AddBusinessDays(dueB, handling));
    }

    private sealed class PortalFileFactory(PurchasingPortalData data) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => data.Open();
    }
}
