using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Features.Allocation;

namespace Portal.Features.Warehouse.Picking;

public sealed record PickLine(int OrderId, int LineNumber, string Customer, string Sku, string Product, int Allocated, bool ShipComplete, bool Expedite)
{
    public string OrderNumber => SalesOrder.Format(OrderId);
}

/// <summary>
/// The pick list holds what is released to the warehouse: allocated units of orders not on hold, and of a
/// ship-complete order only once every line is fully allocated (docs/allocation.md#ship-complete-orders).
/// </summary>
public sealed class PickingService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    public async Task<IReadOnlyList<PickLine>> PickListAsync(int take = 300, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Released(db).AsNoTracking()
            .OrderByDescending(l => l.Order.Expedite).ThenBy(l => l.Order.PlacedAt).ThenBy(l => l.SalesOrderId).ThenBy(l => l.LineNumber)
            .Take(take)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new PickLine(
                l.SalesOrderId, l.LineNumber, l.Order.Customer.Name, p.Sku, p.Name, l.Allocated, l.Order.ShipComplete, l.Order.Expedite))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Lines with stock released to the warehouse; the overview counts these too, so the two agree.</summary>
    internal static IQueryable<SalesOrderLine> Released(PortalDbContext db) =>
        db.SalesOrderLines.Where(l => l.Allocated > 0 && !l.Order.OnHold
            && (!l.Order.ShipComplete || !l.Order.Lines.Any(other => other.Backordered > 0)));

    /// <summary>Confirms a shipment of allocated units; null when done, or why it was refused.</summary>
    public Task<string?> ShipAsync(int orderId, int lineNumber, int quantity, string user, CancellationToken cancellationToken = default) =>
        dbFactory.CommitAndAllocateAsync(scheduler, clock, async db =>
        {
            var order = await db.SalesOrders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken)
                ?? throw new DomainException($"There is no order {SalesOrder.Format(orderId)}.");
            var line = order.Line(lineNumber);
            if (order.ShipComplete && order.Lines.Any(l => l.Backordered > 0))
            {
                throw new DomainException($"{order.Number} ships complete and is not fully allocated yet.");
            }

            order.Ship(lineNumber, quantity);
            var stock = await db.StockLevels.SingleAsync(s => s.ProductId == line.ProductId && s.WarehouseId == order.WarehouseId, cancellationToken);
            stock.Ship(quantity);
            var now = clock.GetUtcNow();
            db.Shipments.Add(new Domain.Warehouse.Shipment(order.Id, line.Id, quantity, user, now));
            db.AuditEvents.Add(new AuditEvent(now, user, "SalesOrder", order.Number, "Shipped", $"Line {lineNumber}: {quantity} units"));

            // The run tells the customer what shipped and re-projects the rest.
            return new AllocatingChange([line.ProductId], $"Shipment on {order.Number}");
        }, cancellationToken);
}
