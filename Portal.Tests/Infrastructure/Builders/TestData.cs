using Portal.Data;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;

namespace Portal.Tests.Infrastructure.Builders;

// Inside the namespace, so it wins over the Portal.Tests.Warehouse test namespace.
using Warehouse = Portal.Domain.Warehouse.Warehouse;

/// <summary>
/// Saves the rows a test builds on, through the domain's own constructors, with readable defaults. Each call saves
/// at once and returns the entity with its id; codes and SKUs are unique unless given, so a test can ask for several.
/// <code>var data = new TestData(context);
/// var order = data.AddSalesOrder(data.AddCustomer(), data.AddWarehouse(), lines: [(data.AddProduct(unitPrice: 2.5m), 10)]);</code>
/// </summary>
public sealed class TestData(PortalDbContext context)
{
    /// <summary>A fixed "now" for data that needs a time: Monday 23 November 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static int sequence;

    public PortalDbContext Context => context;

    public static int Next() => Interlocked.Increment(ref sequence);

    public Warehouse AddWarehouse(string? code = null) =>
        Save(new Warehouse(code ?? $"W{Next()}", "Main warehouse"));

    public Supplier AddSupplier(string? name = null, int? defaultLeadTimeDays = 10) =>
        Save(new Supplier(name ?? $"Supplier {Next()}", "orders@supplier.example", defaultLeadTimeDays));

    public Product AddProduct(string? sku = null, decimal unitPrice = 10m, Supplier? supplier = null, int? leadTimeDays = 5, int packSize = 1) =>
        Save(new Product(sku ?? $"SKU-{Next()}", "Widget", unitPrice, supplier?.Id, leadTimeDays, packSize));

    public StockLevel AddStock(Product product, Warehouse warehouse, int onHand = 0) =>
        Save(new StockLevel(product.Id, warehouse.Id, onHand));

    public Customer AddCustomer(string? code = null, int priorityTier = 3, string? email = "buyer@customer.example", string? salesRep = "rep@portal.example") =>
        Save(new Customer(code ?? $"C{Next()}", "Customer Ltd", email, priorityTier, salesRep));

    /// <summary>An order placed at <paramref name="placedAt"/> (default <see cref="Now"/>) with one line per (product, quantity).</summary>
    public SalesOrder AddSalesOrder(Customer customer, Warehouse warehouse, DateTimeOffset? placedAt = null,
        IEnumerable<(Product Product, int Quantity)>? lines = null, DateOnly? requestedShipDate = null)
    {
        var order = new SalesOrder(customer, warehouse.Id, "rep@portal.example", placedAt ?? Now, requestedShipDate);
        foreach (var (product, quantity) in lines ?? [])
        {
            order.AddLine(product.Id, quantity, product.UnitPrice);
        }

        return Save(order);
    }

    /// <summary>A purchase order with one line per (product, quantity, expected date).</summary>
    public PurchaseOrder AddPurchaseOrder(Supplier supplier, Warehouse warehouse, IEnumerable<(Product Product, int Quantity, DateOnly Expected)>? lines = null)
    {
        var order = new PurchaseOrder(supplier.Id, warehouse.Id, "buyer@portal.example", Now);
        foreach (var (product, quantity, expected) in lines ?? [])
        {
            order.AddLine(product.Id, quantity, expected, unitCost: product.UnitPrice / 2);
        }

        return Save(order);
    }

    public T Save<T>(T entity) where T : class
    {
        context.Add(entity);
        context.SaveChanges();
        return entity;
    }
}
