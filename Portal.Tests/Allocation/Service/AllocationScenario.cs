using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;

namespace Portal.Tests.Allocation.Service;

/// <summary>Rows for an allocation run, saved through the domain's own constructors. Monday 23 November 2026 is "now".</summary>
internal sealed class AllocationScenario(PortalDbContext db)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static int sequence;

    public Domain.Warehouse.Warehouse Warehouse { get; private set; } = null!;
    public Supplier Supplier { get; private set; } = null!;

    public async Task<AllocationScenario> WithWarehouseAsync()
    {
        Warehouse = new Domain.Warehouse.Warehouse($"W{Interlocked.Increment(ref sequence)}", "Main");
        Supplier = new Supplier("Acme Supply", "orders@acme.example", 10);
        db.AddRange(Warehouse, Supplier);
        await db.SaveChangesAsync();
        return this;
    }

    public async Task<Product> ProductAsync(int onHand, int? leadTimeDays = 10, decimal price = 5m)
    {
        var product = new Product($"SKU-{Interlocked.Increment(ref sequence)}", "Widget", price, Supplier.Id, leadTimeDays);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        db.StockLevels.Add(new StockLevel(product.Id, Warehouse.Id, onHand));
        db.PendingAllocations.Add(new PendingAllocation(product.Id, "test", Now));
        await db.SaveChangesAsync();
        return product;
    }

    public async Task<SalesOrder> OrderAsync(Product product, int quantity, int tier = 3, DateTimeOffset? placedAt = null)
    {
        var customer = new Customer($"C{Interlocked.Increment(ref sequence)}", $"Customer tier {tier}", "buyer@customer.example", tier, "rep@portal.example");
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var order = new SalesOrder(customer, Warehouse.Id, "rep@portal.example", placedAt ?? Now);
        order.AddLine(product.Id, quantity, product.UnitPrice);
        db.SalesOrders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public async Task<SalesOrder> ShipCompleteOrderAsync(params (Product Product, int Quantity)[] lines)
    {
        var customer = new Customer($"C{Interlocked.Increment(ref sequence)}", "Ship-complete customer", "buyer@customer.example", 3, "rep@portal.example");
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var order = new SalesOrder(customer, Warehouse.Id, "rep@portal.example", Now, shipComplete: true);
        foreach (var (product, quantity) in lines)
        {
            order.AddLine(product.Id, quantity, product.UnitPrice);
        }

        db.SalesOrders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public async Task<PurchaseOrder> PurchaseOrderAsync(Product product, int quantity, DateOnly expected)
    {
        var po = new PurchaseOrder(Supplier.Id, Warehouse.Id, "buyer@portal.example", Now);
        po.AddLine(product.Id, quantity, expected, unitCost: 1m);
        db.PurchaseOrders.Add(po);
        await db.SaveChangesAsync();
        return po;
    }
}
