using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Features.Allocation;

namespace Portal.Features.Purchasing.Redistribution;

/// <summary>
/// Redistribute (docs/allocation.md#redistribute): release a product's unshipped allocations and allocate again from
/// the start in priority order. The preview writes nothing. Confirm takes the product's allocation lock, reloads the
/// pools, refuses when the plan is no longer the one previewed, and otherwise writes exactly that plan (lines and
/// stock, guarded by their row versions), the audit row and the product's allocation mark in one transaction;
/// the normal run then re-projects the dates and tells the customers.
/// </summary>
public sealed class RedistributionService(IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock)
{
    /// <summary>The plan for every pool of the product; null when there is no such product.</summary>
    public async Task<RedistributionPreview?> PreviewAsync(int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Sku, p.Name }).SingleOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return null;
        }

        var plans = await PlanAsync(db, productId, cancellationToken);
        var lineIds = plans.SelectMany(p => p.Plan.Lines).Select(l => l.LineId).ToList();
        var customers = await db.SalesOrderLines.AsNoTracking().Where(l => lineIds.Contains(l.Id))
            .Select(l => new { l.Id, l.Order.Customer.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Code, cancellationToken);

        var pools = plans.Select(p => new PoolPreview(p.Pool.WarehouseId, warehouses.GetValueOrDefault(p.Pool.WarehouseId, "?"), p.Plan.OnHand,
                p.Plan.AllocatedBefore, p.Plan.AllocatedAfter,
                Shown(p.Plan).Select(l => new PreviewLine(l.LineId, l.Line.OrderId, l.Line.LineNumber, customers.GetValueOrDefault(l.LineId, "?"),
                    l.Line.PriorityTier, l.Line.Expedite, l.Line.OrderOnHold, l.Line.RequestedShipDate, l.Line.PlacedAt, l.Line.Open,
                    l.AllocatedBefore, l.AllocatedAfter, l.Explanation)).ToList()))
            .ToList();
        return new RedistributionPreview(productId, product.Sku, product.Name, pools);
    }

    /// <summary>Applies <paramref name="preview"/>; returns null when done, or why nothing was written.</summary>
    public async Task<string?> ConfirmAsync(RedistributionPreview preview, string user, CancellationToken cancellationToken = default)
    {
        if (!preview.ChangesAnything)
        {
            return "The preview moves no stock, so there is nothing to confirm.";
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AllocationLocks.AcquireAsync(db, [preview.ProductId], cancellationToken);

            var loaded = await AllocationLoader.LoadAsync(db, [preview.ProductId], cancellationToken);
            var plans = loaded.Pools.Select(pool => new PoolPlan(pool, Redistributor.Preview(pool.Snapshot()))).ToList();
            if (Difference(preview, plans) is { } difference)
            {
                return $"The orders or stock for {preview.Sku} changed since the preview ({difference}). Nothing was saved: "
                       + "look at the new preview and confirm again.";
            }

            var moved = plans.SelectMany(p => p.Plan.Lines).Where(l => l.Change != 0).ToList();
            var movedIds = moved.Select(l => l.LineId).ToList();
            var etaNotes = await db.SalesOrderLines.AsNoTracking().Where(l => movedIds.Contains(l.Id))
                .Select(l => new { l.Id, l.EtaNote }).ToDictionaryAsync(l => l.Id, l => l.EtaNote, cancellationToken);

            // Only the allocation moves now; the promise stays as stored until the run the mark below triggers.
            var lines = moved.Select(l =>
            {
                var stored = loaded.Lines[l.LineId];
                return new LineWrite(stored.Id, stored.Version, l.AllocatedAfter, stored.EtaDate, stored.EtaBasis, stored.EtaOverdue,
                    stored.EtaPurchaseOrderId, etaNotes.GetValueOrDefault(l.LineId), Note(l.Explanation), l.Line.LastNotified ?? NotifiedState.Nothing);
            }).ToList();
            var stock = plans.Where(p => p.Pool.StockLevelId is not null && p.Plan.AllocatedAfter != p.Pool.StoredAllocated)
                .Select(p => new StockWrite(p.Pool.StockLevelId!.Value, p.Pool.StockVersion, p.Plan.AllocatedAfter))
                .ToList();
            await AllocationWriter.WriteLinesAsync(db, lines, cancellationToken);
            await AllocationWriter.WriteStockAsync(db, stock, cancellationToken);

            var now = clock.GetUtcNow();
            db.AuditEvents.Add(new AuditEvent(now, user, "Product", preview.Sku, "Redistributed", Describe(preview)));
            await db.SaveChangesAsync(cancellationToken);
            await AllocationFlags.MarkAsync(db, [preview.ProductId], $"Redistributed by {user}", now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await scheduler.RequestAsync([preview.ProductId], cancellationToken);
            return null;
        }
        catch (Exception e) when (IsConflict(e))
        {
            return $"Someone changed the orders or stock for {preview.Sku} while this was being saved. Nothing was saved: look at the new preview and confirm again.";
        }
    }

    private static async Task<List<PoolPlan>> PlanAsync(PortalDbContext db, int productId, CancellationToken cancellationToken)
    {
        var loaded = await AllocationLoader.LoadAsync(db, [productId], cancellationToken);
        return loaded.Pools.OrderBy(p => p.WarehouseId).Select(pool => new PoolPlan(pool, Redistributor.Preview(pool.Snapshot()))).ToList();
    }

    // Lines with nothing open and nothing reserved are in the pool only because a customer has news to hear.
    private static IEnumerable<RedistributionLine> Shown(RedistributionPlan plan) =>
        plan.Lines.Where(l => l.Line.Open > 0 || l.AllocatedBefore > 0 || l.AllocatedAfter > 0);

    /// <summary>The first way the plan now differs from the one previewed, in words; null when it is the same plan.</summary>
    private static string? Difference(RedistributionPreview preview, IReadOnlyList<PoolPlan> plans)
    {
        var seen = preview.Pools.ToDictionary(p => p.WarehouseId);
        foreach (var (pool, plan) in plans)
        {
            if (!seen.Remove(pool.WarehouseId, out var before))
            {
                return "a warehouse has new orders or stock for it";
            }

            if (before.OnHand != plan.OnHand)
            {
                return $"{before.Warehouse}: {before.OnHand} on hand then, {plan.OnHand} now";
            }

            var now = Shown(plan).ToList();
            var then = before.Lines.ToDictionary(l => l.LineId);
            foreach (var line in now)
            {
                if (!then.Remove(line.LineId, out var old))
                {
                    return $"{Domain.Sales.SalesOrder.Format(line.Line.OrderId)} line {line.Line.LineNumber} is new";
                }

                if ((old.Open, old.Before, old.After, old.OnHold) != (line.Line.Open, line.AllocatedBefore, line.AllocatedAfter, line.Line.OrderOnHold))
                {
                    return $"{old.OrderNumber} line {old.LineNumber} changed";
                }
            }

            if (then.Values.FirstOrDefault() is { } gone)
            {
                return $"{gone.OrderNumber} line {gone.LineNumber} no longer waits";
            }
        }

        return seen.Values.FirstOrDefault() is { } emptied ? $"{emptied.Warehouse} has nothing left to redistribute" : null;
    }

    private static string Describe(RedistributionPreview preview) =>
        string.Join("; ", preview.Pools.Where(p => p.Lines.Any(l => l.Change != 0)).Select(p =>
            $"{p.Warehouse}: " + string.Join(", ", p.Lines.Where(l => l.Change != 0)
                .Select(l => $"{l.OrderNumber} line {l.LineNumber} {l.Before} → {l.After}"))));

    private static string Note(string explanation) => explanation.Length > 500 ? explanation[..500] : explanation;

    private static bool IsConflict(Exception e) =>
        e is AllocationConflictException or DbUpdateConcurrencyException
            or Npgsql.PostgresException { SqlState: "40001" or "40P01" }
            or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }
        || e.InnerException is { } inner && IsConflict(inner);

    private sealed record PoolPlan(StockPool Pool, RedistributionPlan Plan);
}
