using Portal.Data;
using Portal.Domain.Catalog;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Warehouse;

using Warehouse = Portal.Domain.Warehouse.Warehouse;

/// <summary>One warehouse with products on the shelf and customers to order them, for the pick list's tests.</summary>
internal sealed class PickListShop(PortalDbContext db)
{
    private readonly TestData data = new(db);

    public Warehouse Warehouse { get; } = new TestData(db).AddWarehouse();

    public Product Product(int onHand = 1_000, string? sku = null)
    {
        var product = data.AddProduct(sku);
        data.AddStock(product, Warehouse, onHand);
        return product;
    }

    public Customer Customer(string name = "Customer Ltd", int tier = 3, string? code = null, bool shipComplete = false, string? shipTo = null)
    {
        var customer = new Customer(code ?? $"C{TestData.Next()}", name, "buyer@customer.example", tier, "rep@portal.example", shipComplete);
        customer.SetShippingAddress(shipTo);
        return data.Save(customer);
    }

    /// <summary>An order placed <paramref name="minutesAgo"/> before <see cref="TestData.Now"/>, not saved yet (so many can be saved at once).</summary>
    public SalesOrder NewOrder(Customer customer, int minutesAgo, IEnumerable<(Product Product, int Quantity)> lines, DateOnly? requested = null)
    {
        var order = new SalesOrder(customer, Warehouse.Id, "rep@portal.example", TestData.Now.AddMinutes(-minutesAgo), requested);
        foreach (var (product, quantity) in lines)
        {
            order.AddLine(product.Id, quantity, product.UnitPrice);
        }

        return order;
    }

    /// <summary>A saved order; <paramref name="expedite"/> marks it before it is saved.</summary>
    public SalesOrder Order(Customer customer, int minutesAgo, IEnumerable<(Product Product, int Quantity)> lines, DateOnly? requested = null, bool expedite = false)
    {
        var order = NewOrder(customer, minutesAgo, lines, requested);
        if (expedite)
        {
            order.MarkExpedite("Customer line down");
        }

        return data.Save(order);
    }
}
