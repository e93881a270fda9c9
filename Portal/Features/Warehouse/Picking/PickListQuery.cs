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
            && o.Lines.Any(l => l.Allocated > 0) && (!o.ShipComplete || !o.Lines.Any(l => l.Backordered > 0 && l.ShipComplete)));

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
            orders = orders.Where(o => Matching(db, filter.Search).Contains(o.Id));
        }

        return orders;
    }

    /// <summary>
    /// The ids of orders a search names: by number, by customer code or name, or by the SKU of an allocated line. Each
    /// part is read through its own index and the parts joined (UNION ALL), so a search never tests every released order.
    /// </summary>
    private static IQueryable<int> Matching(PortalDbContext db, string search)
    {
        var term = search.Trim().ToUpperInvariant();
        var number = SalesOrder.TryParseNumber(term, out var id) ? id : -1;
        var customers = db.Customers.Where(c => c.Code.Contains(term) || c.Name.ToUpper().Contains(term)).Select(c => c.Id);
        var products = db.Products.Where(p => p.Sku.Contains(term)).Select(p => p.Id);
        return db.SalesOrders.Where(o => o.Id == number).Select(o => o.Id)
            .Concat(db.SalesOrders.Where(o => customers.Contains(o.CustomerId)).Select(o => o.Id))
            .Concat(db.SalesOrderLines.Where(l => l.Allocated > 0 && products.Contains(l.ProductId)).Select(l => l.SalesOrderId));
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
            // Descending is the exact reverse of ascending, ties included, so both read the ship-by index, forwards or back.
            PickListSort.ShipBy when nullsSortLast => orders.OrderBy(o => o.RequestedShipDate, d).ThenBy(o => o.Id, d),
            PickListSort.ShipBy => orders.OrderBy(o => o.RequestedShipDate == null, d).ThenBy(o => o.RequestedShipDate, d).ThenBy(o => o.Id, d),
            _ => orders.OrderByDescending(o => o.Expedite).ThenBy(o => o.PriorityTier).ThenByNullsLast(o => o.RequestedShipDate, nullsSortLast)
                .ThenBy(o => o.PlacedAt),
        };
        return sorted.ThenBy(o => o.Id);
    }
}
