using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Catalog;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;
using Portal.Features.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <param name="Allocated">Units reserved for the line; the rest is backordered.</param>
/// <param name="Eta">The line's estimated ship date; null with <see cref="EtaBasis.Unknown"/> when nobody knows it.</param>
public sealed record LineSpec(string Sku, string Product, int Ordered, int Allocated = 0, DateOnly? Eta = null, string? EtaNote = null)
{
    public EtaBasis Basis => Ordered == Allocated ? EtaBasis.Allocated : Eta is null ? EtaBasis.Unknown : EtaBasis.PurchaseOrder;
}

public sealed record PlacedOrder(int Id, int CustomerId, IReadOnlyList<int> LineIds)
{
    public string Number => SalesOrder.Format(Id);
}

/// <summary>Test data for notification tests: customers, products and orders written through the domain model.</summary>
public sealed class Shop(TestDatabase database, TimeProvider clock)
{
    private int? warehouseId;

    public async Task<int> CustomerAsync(string name, string? email, bool optedOut = false)
    {
        await using var db = database.CreateContext();
        var customer = new Customer($"C{Guid.NewGuid():N}"[..12], name, email, 3, "rep@portal.test");
        customer.SetNotificationsOptOut(optedOut);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return customer.Id;
    }

    public async Task<PlacedOrder> OrderAsync(int customerId, params LineSpec[] lines)
    {
        await using var db = database.CreateContext();
        var warehouse = await WarehouseAsync(db);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        var order = new SalesOrder(customer, warehouse, "rep@portal.test", clock.GetUtcNow(), customerReference: "PO-4711");
        foreach (var spec in lines)
        {
            var product = await db.Products.SingleOrDefaultAsync(p => p.Sku == spec.Sku)
                          ?? db.Products.Add(new Product(spec.Sku, spec.Product, 12.5m, null, 10)).Entity;
            await db.SaveChangesAsync();
            var line = order.AddLine(product.Id, spec.Ordered, 12.5m);
            if (spec.Allocated > 0)
            {
                line.Allocate(spec.Allocated);
            }

            line.SetPromise(spec.Eta, spec.Basis, false, null, spec.EtaNote, null);
        }

        order.RefreshStatus();
        db.SalesOrders.Add(order);
        await db.SaveChangesAsync();
        return new PlacedOrder(order.Id, customerId, order.Lines.OrderBy(l => l.LineNumber).Select(l => l.Id).ToList());
    }

    /// <summary>What the allocation run does: changes a line's promise and queues the notice in the same save.</summary>
    public async Task ChangeEtaAsync(NoticeOutbox outbox, PlacedOrder order, int lineIndex, DateOnly? eta, string? note = null)
    {
        await using var db = database.CreateContext();
        var line = await db.SalesOrderLines.SingleAsync(l => l.Id == order.LineIds[lineIndex]);
        line.SetPromise(eta, eta is null ? EtaBasis.Unknown : EtaBasis.PurchaseOrder, false, null, note, null);
        var kind = eta is null ? NoticeKind.EtaUnknown : NoticeKind.EtaMoved;
        await outbox.QueueAsync(db, [new QueuedNotice(order.Id, order.CustomerId, Event(line.Id, kind, line.Backordered, eta, note))]);
        await db.SaveChangesAsync();
    }

    /// <summary>Queues a "backordered" event for every line of the order, as when the order was first placed short.</summary>
    public async Task QueueBackorderedAsync(NoticeOutbox outbox, params PlacedOrder[] orders)
    {
        await using var db = database.CreateContext();
        var lineIds = orders.SelectMany(o => o.LineIds).ToList();
        var lines = await db.SalesOrderLines.Where(l => lineIds.Contains(l.Id)).ToListAsync();
        var items = orders.SelectMany(o => lines.Where(l => l.SalesOrderId == o.Id)
            .Select(l => new QueuedNotice(o.Id, o.CustomerId, Event(l.Id, NoticeKind.Backordered, l.Backordered, l.EtaDate, l.EtaNote))))
            .ToList();
        await outbox.QueueAsync(db, items);
        await db.SaveChangesAsync();
    }

    public NoticeEvent Event(int lineId, NoticeKind kind, int quantity, DateOnly? eta, string? note = null) =>
        new(lineId, kind, quantity, eta, note, clock.GetUtcNow());

    public async Task<List<CustomerNotice>> NoticesAsync(int? orderId = null)
    {
        await using var db = database.CreateContext();
        return await db.CustomerNotices.AsNoTracking().AsSplitQuery().Include(n => n.Events).Include(n => n.Attempts)
            .Where(n => orderId == null || n.SalesOrderId == orderId)
            .OrderBy(n => n.Id)
            .ToListAsync();
    }

    private async Task<int> WarehouseAsync(PortalDbContext db)
    {
        if (warehouseId is null)
        {
            var warehouse = new Domain.Warehouse.Warehouse("MAIN", "Main");
            db.Warehouses.Add(warehouse);
            await db.SaveChangesAsync();
            warehouseId = warehouse.Id;
        }

        return warehouseId.Value;
    }
}
