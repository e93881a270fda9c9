using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Purchasing;
using Portal.Features.Allocation;

namespace Portal.Features.Purchasing.PurchaseOrders;

public sealed record NewPurchaseOrderLine(int ProductId, int Quantity, DateOnly ExpectedDate, decimal UnitCost = 0);

/// <summary>
/// Creates and changes purchase orders. Every change that moves incoming supply marks its products for allocation
/// in the same transaction, so the customers' dates follow. Edits carry the version the user saw: a PO someone else
/// changed meanwhile is reported, never overwritten.
/// </summary>
public sealed class PurchaseOrderService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    public async Task<(int? Id, string? Error)> CreateAsync(int supplierId, int warehouseId, IReadOnlyList<NewPurchaseOrderLine> lines, string user)
    {
        try
        {
            if (lines.Count == 0)
            {
                throw new DomainException("A purchase order needs at least one line.");
            }

            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId))
            {
                throw new DomainException("Pick the supplier to order from.");
            }

            if (!await db.Warehouses.AnyAsync(w => w.Id == warehouseId))
            {
                throw new DomainException("Pick the warehouse the goods go to.");
            }

            var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
            var known = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync();
            if (productIds.Except(known).FirstOrDefault() is var unknown and > 0)
            {
                throw new DomainException($"There is no product with id {unknown}.");
            }

            var now = clock.GetUtcNow();
            var order = new PurchaseOrder(supplierId, warehouseId, user, now);
            foreach (var line in lines)
            {
                order.AddLine(line.ProductId, line.Quantity, line.ExpectedDate, line.UnitCost);
            }

            db.PurchaseOrders.Add(order);
            await db.SaveChangesAsync();
            db.AuditEvents.Add(new AuditEvent(now, user, "PurchaseOrder", order.Number, "Created", $"{lines.Count} lines"));
            await db.SaveChangesAsync();
            await AllocationFlags.MarkAsync(db, productIds, $"New {order.Number}", now);
            await transaction.CommitAsync();
            await scheduler.RequestAsync(productIds);
            return (order.Id, null);
        }
        catch (DomainException e)
        {
            return (null, e.Message);
        }
    }

    public Task<string?> ChangeExpectedDateAsync(int purchaseOrderId, int lineNumber, DateOnly expectedDate, int seenVersion, string user) =>
        ChangeAsync(purchaseOrderId, seenVersion, user, order =>
        {
            var before = order.Line(lineNumber).ExpectedDate;
            order.ChangeExpectedDate(lineNumber, expectedDate);
            return ("Expected date changed", $"Line {lineNumber}: {Show.Date(before)} → {Show.Date(expectedDate)}", [order.Line(lineNumber).ProductId]);
        });

    public Task<string?> ChangeQuantityAsync(int purchaseOrderId, int lineNumber, int quantity, int seenVersion, string user) =>
        ChangeAsync(purchaseOrderId, seenVersion, user, order =>
        {
            var before = order.Line(lineNumber).Ordered;
            order.ChangeQuantity(lineNumber, quantity);
            return ("Quantity changed", $"Line {lineNumber}: {before} → {quantity}", [order.Line(lineNumber).ProductId]);
        });

    public Task<string?> CancelAsync(int purchaseOrderId, int seenVersion, string user) =>
        ChangeAsync(purchaseOrderId, seenVersion, user, order =>
        {
            order.Cancel();
            return ("Cancelled", null, order.Lines.Select(l => l.ProductId).ToList());
        });

    private async Task<string?> ChangeAsync(
        int purchaseOrderId, int seenVersion, string user, Func<PurchaseOrder, (string Action, string? Details, IReadOnlyList<int> Products)> change)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var order = await db.PurchaseOrders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == purchaseOrderId)
                ?? throw new DomainException($"There is no purchase order {PurchaseOrder.Format(purchaseOrderId)}.");
            if (order.Version != seenVersion)
            {
                return StaleMessage(purchaseOrderId);
            }

            var (action, details, products) = change(order);

            // The order row carries the version check even when only a line changed.
            db.Entry(order).State = EntityState.Modified;
            var now = clock.GetUtcNow();
            db.AuditEvents.Add(new AuditEvent(now, user, "PurchaseOrder", order.Number, action, details));
            await db.SaveChangesAsync();
            await AllocationFlags.MarkAsync(db, products, $"{action} on {order.Number}", now);
            await transaction.CommitAsync();
            await scheduler.RequestAsync(products);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleMessage(purchaseOrderId);
        }
    }

    // Said both when the version the user saw is already old and when someone saves first during this change.
    private static string StaleMessage(int purchaseOrderId) =>
        $"{PurchaseOrder.Format(purchaseOrderId)} was changed by someone else while you were editing. Reload it; nothing was saved.";
}
