using Portal.Data;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Purchasing;

/// <summary>
/// Purchasing test data on top of <see cref="TestData"/>: orders with a chosen price, allocation, placed time and
/// requested date; stock with some of it reserved; purchase orders part received or cancelled. "Now" is
/// Monday 23 November 2026, 09:00 UTC (<see cref="TestData.Now"/>).
/// </summary>
internal sealed class PurchasingScenario(PortalDbContext db)
{
    public TestData Data { get; } = new(db);

    public static DateTimeOffset DaysAgo(int days) => TestData.Now.AddDays(-days);

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    public Product Product(string sku, string name, decimal price, Supplier? supplier, int packSize = 1, int? leadTimeDays = null) =>
        Data.Save(new Product(sku, name, price, supplier?.Id, leadTimeDays, packSize));

    public StockLevel Stock(Product product, Domain.Warehouse.Warehouse warehouse, int onHand, int allocated = 0)
    {
        var stock = new StockLevel(product.Id, warehouse.Id, onHand);
        stock.SetAllocated(allocated);
        return Data.Save(stock);
    }

    /// <summary>One order line of <paramref name="quantity"/>, <paramref name="allocated"/> of it reserved.</summary>
    public SalesOrderLine Line(
        Customer customer, Domain.Warehouse.Warehouse warehouse, Product product, int quantity, int allocated = 0, decimal? price = null,
        DateTimeOffset? placedAt = null, DateOnly? requested = null, bool expedite = false)
    {
        var order = new SalesOrder(customer, warehouse.Id, "rep@portal.example", placedAt ?? TestData.Now, requested);
        if (expedite)
        {
            order.MarkExpedite("Line down");
        }

        var line = order.AddLine(product.Id, quantity, price ?? product.UnitPrice);
        if (allocated > 0)
        {
            line.Allocate(allocated);
        }

        order.RefreshStatus();
        Data.Save(order);
        return line;
    }

    public PurchaseOrder Po(
        Supplier supplier, Domain.Warehouse.Warehouse warehouse, Product product, int quantity, DateOnly expected, int received = 0, decimal unitCost = 1m)
    {
        var po = new PurchaseOrder(supplier.Id, warehouse.Id, "buyer@portal.example", TestData.Now);
        po.AddLine(product.Id, quantity, expected, unitCost);
        if (received > 0)
        {
            po.Receive(1, received);
        }

        return Data.Save(po);
    }

    public PurchaseOrder CancelledPo(
        Supplier supplier, Domain.Warehouse.Warehouse warehouse, Product product, int quantity, DateOnly expected, decimal unitCost = 1m)
    {
        var po = new PurchaseOrder(supplier.Id, warehouse.Id, "buyer@portal.example", TestData.Now);
        po.AddLine(product.Id, quantity, expected, unitCost);
        po.Cancel();
        return Data.Save(po);
    }
}
