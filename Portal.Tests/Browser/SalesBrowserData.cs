using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Features.Allocation;

namespace Portal.Tests.Browser;

/// <summary>
/// Rows of their own in the running portal's database for the Sales browser tests, so the dates they expect do not
/// depend on the demo data: a customer, a product with plenty on the shelf, and one with 2 units and a purchase order.
/// </summary>
internal sealed record SalesBrowserShop(string CustomerCode, string CustomerName, string PlentySku, string ShortSku, int PurchaseOrderId, DateOnly PurchaseOrderDue)
{
    public const int PlentyOnHand = 40;
    public const int ShortOnHand = 2;
    public const int OnOrder = 10;

    public static async Task<SalesBrowserShop> AddAsync(PortalServer portal)
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var db = Open(portal);
        var warehouse = await db.Warehouses.OrderBy(w => w.Id).FirstAsync();
        var supplier = new Supplier($"Browser Supply {tag}", "orders@browser-supply.example", 12);
        db.Suppliers.Add(supplier);
        var customer = new Customer($"BT{tag}", $"Browser Traders {tag}", "orders@browser-traders.example", 5, "sales@demo.local");
        db.Customers.Add(customer);
        await db.SaveChangesAsync();

        var plenty = new Product($"BT-PLENTY-{tag}", "Hex bolt, browser test", 1.25m, supplier.Id, 12);
        var scarce = new Product($"BT-SHORT-{tag}", "Ball valve, browser test", 19.90m, supplier.Id, 12);
        db.Products.AddRange(plenty, scarce);
        await db.SaveChangesAsync();
        db.StockLevels.AddRange(new StockLevel(plenty.Id, warehouse.Id, PlentyOnHand), new StockLevel(scarce.Id, warehouse.Id, ShortOnHand));

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        var po = new PurchaseOrder(supplier.Id, warehouse.Id, "purchasing@demo.local", DateTimeOffset.UtcNow);
        po.AddLine(scarce.Id, OnOrder, due, unitCost: 11.5m);
        db.PurchaseOrders.Add(po);
        await db.SaveChangesAsync();
        return new SalesBrowserShop(customer.Code, customer.Name, plenty.Sku, scarce.Sku, po.Id, due);
    }

    /// <summary>The dates the engine gives: stock ships today + pick days; the PO's units its due date + receiving + pick.</summary>
    public async Task<(DateOnly FromStock, DateOnly FromPurchaseOrder)> ExpectedDatesAsync(PortalServer portal)
    {
        await using var db = Open(portal);
        var rules = await AllocationRules.LoadAsync(db, TimeProvider.System, CancellationToken.None);
        var arrives = PurchaseOrderDue < rules.Today ? rules.Today : PurchaseOrderDue;
        return (rules.Calendar.AddBusinessDays(rules.Today, rules.Eta.PickDays),
            rules.Calendar.AddBusinessDays(arrives, rules.Eta.ReceivingDays + rules.Eta.PickDays));
    }

    public string PurchaseOrderNumber => PurchaseOrder.Format(PurchaseOrderId);

    public static PortalDbContext Open(PortalServer portal)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(portal.DataFolder, "portal.db")};Default Timeout=30");
        return PortalDbContext.Create(options.Options);
    }
}
