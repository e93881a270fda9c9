using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Catalog;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;

namespace Portal.Tests.Browser;

/// <summary>
/// Rows of its own in the running portal's database for the pick list's browser test: a product whose every unit on the
/// shelf is reserved by 300 orders and one more placed after them all by a tier 5 customer (so it ranks behind every
/// one), and a tier 1 order waiting for 2 units that arrived too late to get any (runs never take back). Allocated here
/// directly, as a run would have, so the test does not wait for the 3-minute sweep.
/// </summary>
internal sealed record WarehousePickData(int LastOrderId, int WaitingOrderId, string Sku, string CustomerName)
{
    public const int OrdersAhead = 300;

    public string LastOrderNumber => SalesOrder.Format(LastOrderId);

    public static async Task<WarehousePickData> AddAsync(PortalServer portal)
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var db = Open(portal);
        var warehouse = await db.Warehouses.OrderBy(w => w.Id).FirstAsync();
        var product = new Product($"BT-PICK-{tag}", "Pipe clamp, pick list test", 3.10m, supplierId: null, leadTimeDays: 10);
        var customer = new Customer($"PK{tag}", $"Pick Test Traders {tag}", null, Customer.LowestTier, "sales@demo.local");
        db.AddRange(product, customer);
        await db.SaveChangesAsync();

        var now = DateTimeOffset.UtcNow;
        var orders = Enumerable.Range(0, OrdersAhead).Select(i => Allocated(customer, warehouse.Id, product, now.AddMinutes(i - OrdersAhead - 1), 2)).ToList();
        var last = Allocated(customer, warehouse.Id, product, now, 5, 3);
        var topCustomer = new Customer($"PT{tag}", $"Pick Test Priority {tag}", null, Customer.HighestTier, "sales@demo.local");
        db.Customers.Add(topCustomer);
        await db.SaveChangesAsync();
        var waiting = new SalesOrder(topCustomer, warehouse.Id, "sales@demo.local", now);
        waiting.AddLine(product.Id, 2, product.UnitPrice);
        db.SalesOrders.AddRange(orders.Append(last).Append(waiting));
        const int reserved = OrdersAhead * 2 + 8;
        db.StockLevels.Add(new StockLevel(product.Id, warehouse.Id, reserved));
        await db.SaveChangesAsync();
        var stock = await db.StockLevels.SingleAsync(s => s.ProductId == product.Id);
        stock.SetAllocated(reserved);
        await db.SaveChangesAsync();
        return new WarehousePickData(last.Id, waiting.Id, product.Sku, customer.Name);
    }

    /// <summary>Waits (up to 60 s) for the portal's allocation job to give the waiting order <paramref name="atLeast"/> units; returns what it holds.</summary>
    public async Task<int> AllocatedToWaitingOrderAsync(PortalServer portal, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = Open(portal);
            var allocated = await db.SalesOrderLines.Where(l => l.SalesOrderId == WaitingOrderId).SumAsync(l => l.Allocated);
            if (allocated >= atLeast || DateTime.UtcNow > deadline)
            {
                return allocated;
            }

            await Task.Delay(250);
        }
    }

    public static PortalDbContext Open(PortalServer portal)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(portal.DataFolder, "portal.db")};Default Timeout=30");
        return PortalDbContext.Create(options.Options);
    }

    private static SalesOrder Allocated(Customer customer, int warehouseId, Product product, DateTimeOffset placedAt, params int[] quantities)
    {
        var order = new SalesOrder(customer, warehouseId, "sales@demo.local", placedAt);
        foreach (var quantity in quantities)
        {
            order.AddLine(product.Id, quantity, product.UnitPrice).Allocate(quantity);
        }

        return order;
    }
}
