using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;

namespace Portal.Features.Allocation;

/// <summary>
/// Keeps the shortage figures of a run's products as the run leaves them: a row added, changed or removed per product
/// and warehouse, and only where something moved, saved with the run's own SaveChanges in its transaction. Runs of the
/// same product never overlap (AllocationLocks), so the rows need no version of their own.
/// </summary>
internal static class ShortageWriter
{
    /// <summary>Stages the changes; <paramref name="productIds"/> is the run's scope (null: every product).</summary>
    public static async Task StageAsync(
        PortalDbContext db, IReadOnlyCollection<int>? productIds, IReadOnlyList<ProductShortage> shortages, CancellationToken cancellationToken)
    {
        var stored = db.ProductShortages.AsQueryable();
        if (productIds is not null)
        {
            var ids = productIds.ToArray(); // one parameter, however many (see AllocationLoader)
            stored = AllocationLoader.IsLong(productIds)
                ? stored.Where(s => EF.Parameter(ids).Contains(s.ProductId))
                : stored.Where(s => productIds.Contains(s.ProductId));
        }

        var existing = await stored.ToDictionaryAsync(s => (s.ProductId, s.WarehouseId), cancellationToken);
        foreach (var shortage in shortages)
        {
            if (existing.Remove((shortage.ProductId, shortage.WarehouseId), out var row))
            {
                row.CopyFrom(shortage); // EF writes only the figures that changed
            }
            else
            {
                db.ProductShortages.Add(shortage);
            }
        }

        // Nobody waits there any more.
        db.ProductShortages.RemoveRange(existing.Values);
    }
}
