using Portal.Data;
using Portal.Domain.Sales;
using Portal.Features.Common;

namespace Portal.Features.Warehouse.Picking;

/// <summary>
/// The pick list in SQL: what is released to the warehouse (docs/allocation.md#ship-complete-orders), the orders it
/// belongs to, filtered and sorted on the server so every order is reachable however long the list is.
/// </summary>
internal static class PickListQuery
{
    /// <summary>
    /// Lines with stock released to the warehouse: allocated units of orders not on hold, and of a ship-complete order
    /// only once no line waits (the SQL form of ReleaseRule). The overview counts these too, so the two agree.
    /// </summary>
    public static IQueryable<SalesOrderLine> Released(PortalDbContext db) =>
        db.SalesOrderLines.Where(l => l.Allocated > 0 && !l.Order.OnHold
            && (!l.Order.ShipComplete || !l.Order.Lines.Any(other => other.Backordered > 0)));

    /// <summary>Orders with at least one released line that match the filter.</summary>
    public static IQueryable<SalesOrder> Orders(PortalDbContext db, PickListFilter filter)
    {
        var released = Released(db);
        var orders = db.SalesOrders.Where(o => released.Any(l => l.SalesOrderId == o.Id));
        if (filter.ShipBy is { } shipBy)
        {
            orders = orders.Where(o => o.RequestedShipDate == null || o.RequestedShipDate <= shipBy);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToUpperInvariant();
            var orderId = SalesOrder.TryParseNumber(term, out var id) ? id : -1;
            var products = db.Products.Where(p => p.Sku.Contains(term)).Select(p => p.Id);
            orders = orders.Where(o => o.Id == orderId || o.Customer.Code.Contains(term) || o.Customer.Name.ToUpper().Contains(term)
                || released.Any(l => l.SalesOrderId == o.Id && products.Contains(l.ProductId)));
        }

        return orders;
    }

    /// <summary>
    /// Allocation priority unless a column is asked for (docs/allocation.md#priority: expedite, tier, requested ship date
    /// with none last, placed time, order number), the order number breaking every tie, so pages never overlap.
    /// </summary>
    public static IQueryable<SalesOrder> Sort(IQueryable<SalesOrder> orders, PageRequest page)
    {
        var d = page.Descending;
        var sorted = page.SortBy switch
        {
            PickListSort.Order => orders.OrderBy(o => o.Id, d),
            PickListSort.Customer => orders.OrderBy(o => o.Customer.Name, d),
            PickListSort.ShipBy => orders.OrderBy(o => o.RequestedShipDate == null).ThenBy(o => o.RequestedShipDate, d),
            _ => orders.OrderByDescending(o => o.Expedite).ThenBy(o => o.PriorityTier).ThenBy(o => o.RequestedShipDate == null)
                .ThenBy(o => o.RequestedShipDate).ThenBy(o => o.PlacedAt),
        };
        return sorted.ThenBy(o => o.Id);
    }
}
