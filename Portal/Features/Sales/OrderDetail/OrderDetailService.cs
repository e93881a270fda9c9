using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Features.Sales.Common;

namespace Portal.Features.Sales.OrderDetail;

/// <summary>
/// The order page: read one order, and change it. Every change checks the version the rep was looking at (someone
/// else's change is reported, never overwritten), is audited and marks the order's products for allocation in its
/// own transaction, then asks the scheduler to run them once committed.
/// </summary>
public sealed class OrderDetailService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    public const int HistoryShown = 50;

    public async Task<OrderDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await OrderDetailReader.ReadAsync(db, id, HistoryShown, clock, cancellationToken);
    }

    public Task<string?> ChangeQuantityAsync(int orderId, int version, int lineNumber, int quantity, string user) =>
        ChangeAsync(orderId, version, user, async (db, order) =>
        {
            var line = order.Line(lineNumber);
            var (before, allocatedBefore) = (line.Ordered, line.Allocated);
            if (quantity == before)
            {
                throw new DomainException($"Line {lineNumber} is already for {before} units.");
            }

            order.ChangeQuantity(lineNumber, quantity);

            // Going down can release reserved units; the stock level gives them back in the same transaction.
            await ReleaseStockAsync(db, order, line.ProductId, allocatedBefore - line.Allocated);
            return new OrderChange("Changed quantity", $"Line {lineNumber}: {before} → {quantity}", [line.ProductId]);
        });

    public Task<string?> CancelBackorderedAsync(int orderId, int version, int lineNumber, int quantity, string reason, string user) =>
        ChangeAsync(orderId, version, user, (_, order) =>
        {
            var why = Guard.Required(reason, "A reason for the cancellation", SalesOrder.MaxReasonLength);
            var line = order.Line(lineNumber);
            order.CancelBackordered(lineNumber, quantity);
            return Task.FromResult(new OrderChange("Cancelled backordered", $"Line {lineNumber}: {quantity} units; {why}", [line.ProductId]));
        });

    public Task<string?> PutOnHoldAsync(int orderId, int version, string? reason, string user) =>
        ChangeAsync(orderId, version, user, (_, order) =>
        {
            if (order.OnHold)
            {
                throw new DomainException($"{order.Number} is already on hold.");
            }

            order.PutOnHold();
            return Task.FromResult(new OrderChange("Put on hold", Trimmed(reason), AllProducts(order)));
        });

    public Task<string?> ReleaseHoldAsync(int orderId, int version, string user) =>
        ChangeAsync(orderId, version, user, (_, order) =>
        {
            if (!order.OnHold)
            {
                throw new DomainException($"{order.Number} is not on hold.");
            }

            order.ReleaseHold();
            return Task.FromResult(new OrderChange("Released hold", null, AllProducts(order)));
        });

    public Task<string?> MarkExpediteAsync(int orderId, int version, string reason, string user) =>
        ChangeAsync(orderId, version, user, (_, order) =>
        {
            order.MarkExpedite(reason);
            return Task.FromResult(new OrderChange("Marked expedite", order.ExpediteReason, AllProducts(order)));
        });

    public Task<string?> ClearExpediteAsync(int orderId, int version, string user) =>
        ChangeAsync(orderId, version, user, (_, order) =>
        {
            if (!order.Expedite)
            {
                throw new DomainException($"{order.Number} is not marked expedite.");
            }

            order.ClearExpedite();
            return Task.FromResult(new OrderChange("Cleared expedite", null, AllProducts(order)));
        });

    /// <summary>Null when the change is saved; otherwise what the rep is told, with nothing saved.</summary>
    private Task<string?> ChangeAsync(int orderId, int version, string user, Func<PortalDbContext, SalesOrder, Task<OrderChange>> apply) =>
        dbFactory.CommitAndAllocateAsync(scheduler, clock, async db =>
        {
            var order = await db.SalesOrders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId)
                ?? throw new DomainException($"There is no order {SalesOrder.Format(orderId)}.");

            // A retry after a lost race reads the order again, so someone else's save in between is caught here too.
            if (order.Version != version)
            {
                throw new DomainException(
                    $"Someone else changed {order.Number} while you were looking at it. Nothing was saved: reload the order to see their change, then try again.");
            }

            var change = await apply(db, order);

            // Any change to a line is a change to the order: its version moves, so a rep looking at the old one is told.
            db.Entry(order).State = EntityState.Modified;
            db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), user, SalesAudit.Order, order.Number, change.Action, change.Details));
            return new AllocatingChange(change.ProductIds, $"{change.Action} on {order.Number}");
        });

    private static async Task ReleaseStockAsync(PortalDbContext db, SalesOrder order, int productId, int released)
    {
        if (released <= 0)
        {
            return;
        }

        var stock = await db.StockLevels.SingleAsync(s => s.ProductId == productId && s.WarehouseId == order.WarehouseId);
        stock.SetAllocated(stock.Allocated - released);
    }

    private static IReadOnlyCollection<int> AllProducts(SalesOrder order) => order.Lines.Select(l => l.ProductId).Distinct().ToList();

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record OrderChange(string Action, string? Details, IReadOnlyCollection<int> ProductIds);
}
