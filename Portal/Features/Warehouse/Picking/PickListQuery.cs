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
    /// Orders with stock released to the warehouse: not on hold, something allocated, and for a ship-complete order no
    /// line waiting (the SQL form of ReleaseRule). Only open and partly shipped orders can be released: the status (held,
    /// shipped, cancelled) is indexed, so most orders of a long history are passed over without reading their lines.
    /// </summary>
    public static IQueryable<SalesOrder> ReleasedOrders(PortalDbContext db) =>
        db.SalesOrders.Where(o => (o.Status == OrderStatus.Open || o.Status == OrderStatus.PartiallyShipped) && !o.OnHold
            && o.Lines.Any(l => l.Allocated > 0) && (!o.ShipComplete || !o.Lines.Any(l => l.Backordered > 0)));

    /// <summary>The released orders' allocated lines; the overview counts these too, so it and the list agree.</summary>
    public static IQueryable<SalesOrderLine> Released(PortalDbContext db)
    {
        var orders = ReleasedOrders(db);
        return db.SalesOrderLines.Where(l => l.Allocated > 0 && orders.Any(o => o.Id == l.SalesOrderId));
    }

    /// <summary>Released orders that match the filter.</summary>
    public static IQueryable<SalesOrder> Orders(PortalDbContext db, PickListFilter filter)
    {
        var orders = ReleasedOrders(db);
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
                || o.Lines.Any(l => l.Allocated > 0 && products.Contains(l.ProductId)));
        }

        return orders;
    }

    /// <summary>
    /// Allocation priority unless a column is asked for (docs/allocation.md#priority: expedite, tier, requested ship date
    /// with none last, placed time, order number), the order number breaking every tie, so pages never overlap.
    /// </summary>
    /// <remarks>
    /// <paramref name="nullsSortLast"/>: the database sorts nulls last ascending (PostgreSQL), so the priority order is the
    /// column order of the priority index and a page is read from it instead of sorting every released order.
    /// </remarks>
    public static IQueryable<SalesOrder> Sort(IQueryable<SalesOrder> orders, PageRequest page, bool nullsSortLast)
    {
        var d = page.Descending;
        var sorted = page.SortBy switch
        {
            PickListSort.Order => orders.OrderBy(o => o.Id, d),
            PickListSort.Customer => orders.OrderBy(o => o.Customer.Name, d),
            PickListSort.ShipBy when !d && nullsSortLast => orders.OrderBy(o => o.RequestedShipDate),
            PickListSort.ShipBy => orders.OrderBy(o => o.RequestedShipDate == null).ThenBy(o => o.RequestedShipDate, d),
            _ => orders.OrderByDescending(o => o.Expedite).ThenBy(o => o.PriorityTier).ThenByNullsLast(o => o.RequestedShipDate, nullsSortLast)
                .ThenBy(o => o.PlacedAt),
        };
        return sorted.ThenBy(o => o.Id);
    }
}
