using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;

namespace Portal.Features.Allocation;

/// <summary>One warehouse's redistribution plan for a product (docs/allocation.md#redistribute).</summary>
public sealed record WarehousePlan(int WarehouseId, RedistributionPlan Plan);

/// <summary>How applying a redistribution ended: done, refused because the plan moved, or beaten by a concurrent change.</summary>
public enum RedistributionOutcome { Applied, PlanChanged, Conflict }

public sealed partial class AllocationService
{
    /// <summary>What releasing the product's unshipped allocations and allocating again in priority order would do; writes nothing.</summary>
    public async Task<IReadOnlyList<WarehousePlan>> PlanRedistributionAsync(int productId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await AllocationLoader.LoadAsync(db, [productId], cancellationToken);
        return loaded.Pools.OrderBy(p => p.WarehouseId).Select(p => new WarehousePlan(p.WarehouseId, Redistributor.Preview(p.Snapshot()))).ToList();
    }

    /// <summary>
    /// Applies the product's redistribution under its allocation lock: the plans are made again from fresh data and handed
    /// to <paramref name="differsFromPreview"/>; when it names a difference nothing is written. Otherwise the moved lines
    /// and stock (guarded by their row versions), <paramref name="audit"/> and the product's allocation mark commit in one
    /// transaction; the promises stay as stored until the run the mark triggers re-projects them and tells the customers.
    /// </summary>
    public async Task<(RedistributionOutcome Outcome, string? Difference)> RedistributeAsync(
        int productId, Func<IReadOnlyList<WarehousePlan>, string?> differsFromPreview, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AllocationLocks.AcquireAsync(db, [productId], cancellationToken);

            var loaded = await AllocationLoader.LoadAsync(db, [productId], cancellationToken);
            var plans = loaded.Pools.OrderBy(p => p.WarehouseId).Select(p => (Pool: p, Plan: Redistributor.Preview(p.Snapshot()))).ToList();
            if (differsFromPreview(plans.Select(p => new WarehousePlan(p.Pool.WarehouseId, p.Plan)).ToList()) is { } difference)
            {
                return (RedistributionOutcome.PlanChanged, difference);
            }

            var moved = plans.SelectMany(p => p.Plan.Lines).Where(l => l.Change != 0).ToList();
            var movedIds = moved.Select(l => l.LineId).ToList();
            var etaNotes = await db.SalesOrderLines.AsNoTracking().Where(l => movedIds.Contains(l.Id))
                .Select(l => new { l.Id, l.EtaNote }).ToDictionaryAsync(l => l.Id, l => l.EtaNote, cancellationToken);
            var lines = moved.Select(l =>
            {
                var stored = loaded.Lines[l.LineId];
                return new LineWrite(stored.Id, stored.Version, l.AllocatedAfter, stored.EtaDate, stored.EtaBasis, stored.EtaOverdue,
                    stored.EtaPurchaseOrderId, etaNotes.GetValueOrDefault(l.LineId), AllocationNote(l.Explanation), l.Line.LastNotified ?? NotifiedState.Nothing);
            }).ToList();
            var stock = plans.Where(p => p.Pool.StockLevelId is not null && p.Plan.AllocatedAfter != p.Pool.StoredAllocated)
                .Select(p => new StockWrite(p.Pool.StockLevelId!.Value, p.Pool.StockVersion, p.Plan.AllocatedAfter))
                .ToList();
            await AllocationWriter.WriteLinesAsync(db, lines, cancellationToken);
            await AllocationWriter.WriteStockAsync(db, stock, cancellationToken);

            db.AuditEvents.Add(audit);
            await db.SaveChangesAsync(cancellationToken);
            await AllocationFlags.MarkAsync(db, [productId], $"Redistributed by {audit.User}", audit.At, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (RedistributionOutcome.Applied, null);
        }
        catch (Exception e) when (IsConflict(e))
        {
            return (RedistributionOutcome.Conflict, null);
        }
    }

    private static string AllocationNote(string explanation) => explanation.Length > 500 ? explanation[..500] : explanation;
}
