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

    /// <summary>
    /// Cancels units of a line not yet shipped, backordered first, then allocated (docs/quantities-and-states.md#cancelling):
    /// released units go back to the stock level in the same transaction and the mark lets the run give them to the next
    /// waiting line and tell this customer.
    /// </summary>
    public Task<string?> CancelUnitsAsync(int orderId, int version, int lineNumber, int quantity, string reason, string user) =>
        ChangeAsync(orderId, version, user, (db, order) => CancelUnitsAsync(db, order, lineNumber, quantity, reason));

    /// <summary>The cancellation itself, for every path that cancels units: the rep's page and the customer's link.</summary>
    internal static async Task<OrderChange> CancelUnitsAsync(PortalDbContext db, SalesOrder order, int lineNumber, int quantity, string reason)
    {
        var why = CancellationReason(reason);
        var line = order.Line(lineNumber);
        var released = order.Cancel(lineNumber, quantity);
        await ReleaseStockAsync(db, order, line.ProductId, released);
        var action = line.Unshipped == 0 && line.Shipped == 0 ? "Cancelled line" : "Cancelled units";
        return new OrderChange(action, $"Line {lineNumber}: {Units(quantity, released)}; {why}", [line.ProductId]);
    }

    /// <summary>Cancels everything not yet shipped on the order, in one transaction; the order is Cancelled when nothing shipped.</summary>
    public Task<string?> CancelOrderAsync(int orderId, int version, string reason, string user) =>
        ChangeAsync(orderId, version, user, async (db, order) =>
        {
            var why = CancellationReason(reason);
            var cancelled = order.CancelRest();
            foreach (var (line, _, released) in cancelled)
            {
                await ReleaseStockAsync(db, order, line.ProductId, released);
            }

            var lines = string.Join(", ", cancelled.Select(c => $"line {c.Line.LineNumber} {Units(c.Cancelled, c.Released)}"));
            return new OrderChange("Cancelled order", $"{lines}; {why}", cancelled.Select(c => c.Line.ProductId).Distinct().ToList());
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
        ChangeAsync(orderId, order =>
        {
            if (order.Version != version)
            {
                throw new DomainException(
                    $"Someone else changed {order.Number} while you were looking at it. Nothing was saved: reload the order to see their change, then try again.");
            }
        }, user, apply);

    /// <summary>
    /// One change to one order in one transaction: <paramref name="checkFresh"/> refuses a stale view (throwing a
    /// <see cref="DomainException"/>), then the change, its audit row as <paramref name="user"/> and the allocation mark
    /// commit together. Other Sales paths (the customer's link) add their own rows inside <paramref name="apply"/>.
    /// </summary>
    internal Task<string?> ChangeAsync(
        int orderId, Action<SalesOrder> checkFresh, string user, Func<PortalDbContext, SalesOrder, Task<OrderChange>> apply) =>
        dbFactory.CommitAndAllocateAsync(scheduler, clock, async db =>
        {
            var order = await db.SalesOrders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId)
                ?? throw new DomainException($"There is no order {SalesOrder.Format(orderId)}.");

            // A retry after a lost race reads the order again, so someone else's save in between is caught here too.
            checkFresh(order);
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

    private static string CancellationReason(string reason) =>
        Guard.Required(reason, "A reason for the cancellation", SalesOrder.MaxReasonLength);

    private static string Units(int cancelled, int released) =>
        released == 0 ? $"{cancelled} units" : $"{cancelled} units ({released} of them allocated, released)";

    internal static IReadOnlyCollection<int> AllProducts(SalesOrder order) => order.Lines.Select(l => l.ProductId).Distinct().ToList();

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

}

/// <summary>What one change to an order did: its audit action and details, and the products it marks for allocation.</summary>
internal sealed record OrderChange(string Action, string? Details, IReadOnlyCollection<int> ProductIds);
