using Portal.Domain.Catalog;
using Portal.Domain.Sales;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Sales;

/// <summary>A small shop for Sales tests: one warehouse, one supplier, products with stock, customers and orders.</summary>
internal sealed class SalesData(TestData data)
{
    public Domain.Warehouse.Warehouse Warehouse { get; } = data.AddWarehouse();
    public Supplier Supplier { get; } = data.AddSupplier(defaultLeadTimeDays: 10);
    public TestData Data => data;

    public Product Product(int onHand, int? leadTimeDays = 10, decimal price = 10m, string? sku = null)
    {
        var product = data.AddProduct(sku, price, Supplier, leadTimeDays);
        data.AddStock(product, Warehouse, onHand);
        return product;
    }

    public Customer Customer(int tier = 3, string rep = "rep@portal.example", string? code = null, bool shipComplete = false)
    {
        var customer = new Customer(code ?? $"C{TestData.Next()}", $"Customer {TestData.Next()}", "buyer@customer.example", tier, rep, shipComplete);
        return data.Save(customer);
    }

    public SalesOrder Order(Customer customer, params (Product Product, int Quantity)[] lines) =>
        OrderPlaced(customer, TestData.Now.AddHours(-1), lines);

    public SalesOrder OrderPlaced(Customer customer, DateTimeOffset placedAt, params (Product Product, int Quantity)[] lines)
    {
        var order = new SalesOrder(customer, Warehouse.Id, customer.SalesRep ?? "rep@portal.example", placedAt);
        foreach (var (product, quantity) in lines)
        {
            order.AddLine(product.Id, quantity, product.UnitPrice);
        }

        return data.Save(order);
    }

    public void PurchaseOrder(Product product, int quantity, DateOnly expected) =>
        data.AddPurchaseOrder(Supplier, Warehouse, [(product, quantity, expected)]);
}
