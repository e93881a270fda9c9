using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Features.Allocation;
using Portal.Features.Sales.Common;

namespace Portal.Features.Sales.OrderDetail;

/// <summary>
/// Reads one order for its page in a handful of small queries: the order with its lines, their products, the
/// warehouse, which products still wait for an allocation run, and the order's own audit rows.
/// </summary>
internal static class OrderDetailReader
{
    public static async Task<OrderDetail?> ReadAsync(
        PortalDbContext db, int id, int historyShown, TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().Include(o => o.Customer).Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Sku, p.Name, p.Currency }, cancellationToken);
        var warehouse = await db.Warehouses.AsNoTracking().Where(w => w.Id == order.WarehouseId).Select(w => w.Code).SingleAsync(cancellationToken);
        var marked = await db.PendingAllocations.AsNoTracking().Where(p => productIds.Contains(p.ProductId))
            .Select(p => p.ProductId).ToListAsync(cancellationToken);
        var history = await db.AuditEvents.AsNoTracking()
            .Where(a => a.Entity == SalesAudit.Order && a.EntityId == order.Number)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(historyShown)
            .Select(a => new OrderHistoryEntry(a.At, a.User, a.Action, a.Details))
            .ToListAsync(cancellationToken);

        var shipDates = (await AllocationRules.LoadAsync(db, clock, cancellationToken)).ShipDates;
        var lines = order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineDetail(
            l.LineNumber, l.ProductId, products[l.ProductId].Sku, products[l.ProductId].Name, l.UnitPrice,
            l.Ordered, l.Allocated, l.Shipped, l.Cancelled, l.Backordered, l.Status,
            StoredEta.FromStore(l.EtaDate, l.EtaBasis, l.EtaOverdue, shipDates), l.EtaBasis, l.EtaOverdue, l.EtaPurchaseOrderId, l.EtaNote, l.AllocationNote,
            marked.Contains(l.ProductId) && l.Ordered > l.Shipped + l.Cancelled)).ToList();
        var currency = products.Values.Select(p => p.Currency).FirstOrDefault() ?? "USD";
        return new OrderDetail(order.Id, order.Version, order.Status, order.CustomerId, order.Customer.Code, order.Customer.Name,
            order.Customer.PriorityTier, warehouse, order.SalesRep, order.PlacedAt, order.RequestedShipDate, order.CustomerReference,
            order.ShipComplete, order.Expedite, order.ExpediteReason, order.OnHold, currency, lines, history);
    }
}
