using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Purchasing;
using Portal.Features.Allocation;

namespace Portal.Features.Purchasing.PurchaseOrders;

/// <summary>One line of a new purchase order; no unit cost means the product's last cost (<see cref="LastCosts"/>).</summary>
public sealed record NewPurchaseOrderLine(int ProductId, int Quantity, DateOnly ExpectedDate, decimal? UnitCost = null);

/// <summary>
/// Creates and changes purchase orders. Every change that moves incoming supply marks its products for allocation
/// in the same transaction, so the customers' dates follow. Edits carry the version the user saw: a PO someone else
/// changed meanwhile is reported, never overwritten.
/// </summary>
public sealed class PurchaseOrderService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    /// <summary>The audit rows of a purchase order are filed under this entity and the order's number.</summary>
    public const string AuditEntity = "PurchaseOrder";

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
            var skus = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Sku);
            if (productIds.FirstOrDefault(id => !skus.ContainsKey(id)) is var unknown and > 0)
            {
                throw new DomainException($"There is no product with id {unknown}.");
            }

            var now = clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var lastCosts = await LastCosts.ForAsync(db, lines.Where(l => l.UnitCost is null).Select(l => l.ProductId).Distinct().ToList());
            var order = new PurchaseOrder(supplierId, warehouseId, user, now);
            foreach (var line in lines)
            {
                AddLine(order, line, skus[line.ProductId], lastCosts.TryGetValue(line.ProductId, out var last) ? last : null, today);
            }

            db.PurchaseOrders.Add(order);
            await db.SaveChangesAsync();
            db.AuditEvents.Add(new AuditEvent(now, user, AuditEntity, order.Number, "Created", $"{lines.Count} lines"));
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

    // Each refusal names the line's SKU, so the buyer knows which line to fix.
    private static void AddLine(PurchaseOrder order, NewPurchaseOrderLine line, string sku, decimal? lastCost, DateOnly today)
    {
        try
        {
            var cost = line.UnitCost ?? lastCost
                ?? throw new DomainException($"Unit cost is required; {sku} was never bought before, so there is no last cost to use.");
            if (PurchaseOrderLine.ExpectedDateError(line.ExpectedDate, today) is { } late)
            {
                throw new DomainException(late);
            }

            order.AddLine(line.ProductId, line.Quantity, line.ExpectedDate, cost);
        }
        catch (DomainException e)
        {
            throw new DomainException($"{sku}: {e.Message}");
        }
    }

    public Task<string?> ChangeExpectedDateAsync(int purchaseOrderId, int lineNumber, DateOnly expectedDate, int seenVersion, string user) =>
        ChangeAsync(purchaseOrderId, seenVersion, user, (order, today) =>
        {
            var before = order.Line(lineNumber).ExpectedDate;
            order.ChangeExpectedDate(lineNumber, expectedDate, today);
            return new("Expected date changed", $"Line {lineNumber}: {Show.Date(before)} → {Show.Date(expectedDate)}", [order.Line(lineNumber).ProductId]);
        });

    public Task<string?> ChangeQuantityAsync(int purchaseOrderId, int lineNumber, int quantity, int seenVersion, string user) =>
        ChangeAsync(purchaseOrderId, seenVersion, user, (order, _) =>
        {
            var before = order.Line(lineNumber).Ordered;
            order.ChangeQuantity(lineNumber, quantity);
            return new("Quantity changed", $"Line {lineNumber}: {before} → {quantity}", [order.Line(lineNumber).ProductId]);
        });

    /// <summary>Cancels what is still to come on one line, for a reason the history keeps; what arrived stays.</summary>
    public Task<string?> CancelLineAsync(int purchaseOrderId, int lineNumber, string? reason, int seenVersion, string user) =>
        ChangeAsync(purchaseOrderId, seenVersion, user, (order, _) =>
        {
            var why = Guard.Required(reason, "Reason", PurchaseOrder.MaxReasonLength);
            var units = order.CancelLine(lineNumber);
            return new("Line cancelled", $"Line {lineNumber}: {Show.Count(units)} open units cancelled ({why})", [order.Line(lineNumber).ProductId]);
        });

    public Task<string?> CancelAsync(int purchaseOrderId, int seenVersion, string user) =>
        ChangeAsync(purchaseOrderId, seenVersion, user, (order, _) =>
        {
            order.Cancel();
            return new("Cancelled", null, order.Lines.Select(l => l.ProductId).ToList());
        });

    private sealed record Change(string Action, string? Details, IReadOnlyList<int> Products);

    private async Task<string?> ChangeAsync(int purchaseOrderId, int seenVersion, string user, Func<PurchaseOrder, DateOnly, Change> change)
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

            var now = clock.GetUtcNow();
            var status = order.Status;
            var (action, details, products) = change(order, DateOnly.FromDateTime(now.UtcDateTime));
            if (order.Status != status && details is not null)
            {
                // The last open line went: say so where the buyer reads the order's story.
                details += $"; {order.Number} is now {order.Status.ToString().ToLowerInvariant()}";
            }

            // The order row carries the version check even when only a line changed.
            db.Entry(order).State = EntityState.Modified;
            db.AuditEvents.Add(new AuditEvent(now, user, AuditEntity, order.Number, action, details));
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
