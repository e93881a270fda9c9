using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Features.Common;

namespace Portal.Features.Warehouse.Picking;

/// <summary>
/// The pick list holds what is released to the warehouse, an order at a time in allocation priority order; shipping
/// confirms what left, and the rest of a line either stays allocated or goes back to stock with a reason
/// (docs/allocation.md#the-pick-list).
/// </summary>
public sealed class PickingService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    public async Task<Page<PickOrder>> PickListAsync(PickListFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orders = PickListQuery.Orders(db, filter).AsNoTracking();
        var count = await Counting.CountAsync(orders, cancellationToken);
        var rows = await PickListQuery.Sort(orders, page, db.Database.IsNpgsql()).PageAsync(page, count, q => q
            .Select(o => new { o.Id, o.Customer.Code, o.Customer.Name, o.Expedite, o.ShipComplete, o.PriorityTier, o.RequestedShipDate, o.PlacedAt }),
            cancellationToken);

        var ids = rows.Select(o => o.Id).ToList();
        var lines = (await LinesAsync(db, PickListQuery.Released(db).Where(l => ids.Contains(l.SalesOrderId)), cancellationToken)).ToLookup(l => l.OrderId);
        return count.PageOf(rows.Select(o => new PickOrder(
            o.Id, o.Code, o.Name, o.Expedite, o.ShipComplete, o.PriorityTier, o.RequestedShipDate, o.PlacedAt, lines[o.Id].ToList())).ToList());
    }

    /// <summary>The order's pick ticket; null when there is no such order.</summary>
    public async Task<PickTicket?> PickTicketAsync(int orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.SalesOrders.AsNoTracking().Include(o => o.Lines).Include(o => o.Customer)
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        // The domain's release rule, line by line; the pick list's SQL says the same (PickListQuery.Released).
        var release = ReleaseRule.ForOrder(order.Lines.Select(l => l.AsDemandLine()).ToList());
        var released = release.Lines.Select(r => r.LineId).ToList();
        var lines = release.Releasable ? await LinesAsync(db, db.SalesOrderLines.Where(l => released.Contains(l.Id)), cancellationToken) : [];
        var warehouse = await db.Warehouses.Where(w => w.Id == order.WarehouseId).Select(w => w.Code + " · " + w.Name).SingleAsync(cancellationToken);
        return new PickTicket(order.Id, order.Customer.Code, order.Customer.Name, order.Customer.ShippingAddress, order.CustomerReference, warehouse, order.PlacedAt,
            order.RequestedShipDate, order.Expedite, order.ShipComplete, release.Releasable ? null : release.Reason, lines);
    }

    /// <summary>
    /// Confirms a shipment of allocated units; null when done, or why it was refused (nothing is saved then). Units left
    /// on the line stay allocated, or are released back with a reason: the stock's reservation goes down with them and
    /// the allocation run that follows hands them to the first line waiting in priority order.
    /// </summary>
    public Task<string?> ShipAsync(ShipLine ship, string user, CancellationToken cancellationToken = default) =>
        dbFactory.CommitAndAllocateAsync(scheduler, clock, async db =>
        {
            var order = await db.SalesOrders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == ship.OrderId, cancellationToken)
                ?? throw new DomainException($"There is no order {ship.OrderNumber}.");
            var line = order.Line(ship.LineNumber);
            var rest = CheckShipment(order, line, ship);
            var reason = ship.Rest == RestOfLine.ReleasedBack && rest > 0 ? Guard.Required(ship.Reason, "Reason", SalesOrder.MaxReasonLength) : null;

            order.Ship(ship.LineNumber, ship.Quantity);
            var stock = await db.StockLevels.SingleAsync(s => s.ProductId == line.ProductId && s.WarehouseId == order.WarehouseId, cancellationToken);
            stock.Ship(ship.Quantity);
            var now = clock.GetUtcNow();
            db.Shipments.Add(new Domain.Warehouse.Shipment(order.Id, line.Id, ship.Quantity, user, now));
            db.AuditEvents.Add(new AuditEvent(now, user, "SalesOrder", order.Number, "Shipped",
                $"Line {ship.LineNumber}: {ship.Quantity} units" + (rest > 0 && reason is null ? $"; {rest} stay allocated" : "")));
            if (reason is not null)
            {
                line.Release(rest);
                stock.SetAllocated(stock.Allocated - rest);
                db.AuditEvents.Add(new AuditEvent(now, user, "SalesOrder", order.Number, "Released",
                    $"Line {ship.LineNumber}: {rest} units released back to stock after a partial shipment: {reason}"));
            }

            // The run tells the customer what shipped, hands released units on and re-projects the rest.
            return new AllocatingChange([line.ProductId], $"Shipment on {order.Number}");
        }, cancellationToken);

    // What the line keeps after the shipment, once the shipment is known to fit what the picker saw and the order's terms.
    private static int CheckShipment(SalesOrder order, SalesOrderLine line, ShipLine ship)
    {
        Guard.Quantity(ship.Quantity, "Shipped quantity");
        if (line.Allocated != ship.AllocatedSeen)
        {
            throw new DomainException($"{order.Number} line {ship.LineNumber} changed since you opened it: {Show.Count(line.Allocated)} units are "
                                      + $"allocated now, not {Show.Count(ship.AllocatedSeen)}. Look at it again.");
        }

        if (order.ShipComplete && order.Lines.Any(l => l.Backordered > 0))
        {
            throw new DomainException($"{order.Number} ships complete and is not fully allocated yet.");
        }

        if (order.ShipComplete && ship.Quantity < line.Allocated)
        {
            throw new DomainException($"{order.Number} ships complete: ship all {Show.Count(line.Allocated)} allocated units of line {ship.LineNumber}, "
                                      + "or correct the stock count first.");
        }

        return Math.Max(0, line.Allocated - ship.Quantity);
    }

    private static Task<List<PickLine>> LinesAsync(PortalDbContext db, IQueryable<SalesOrderLine> lines, CancellationToken cancellationToken) =>
        lines.AsNoTracking().Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { Line = l, Product = p })
            .OrderBy(x => x.Line.SalesOrderId).ThenBy(x => x.Line.LineNumber)
            .Select(x => new PickLine(x.Line.SalesOrderId, x.Line.LineNumber, x.Product.Sku, x.Product.Name, x.Line.Allocated))
            .ToListAsync(cancellationToken);
}
