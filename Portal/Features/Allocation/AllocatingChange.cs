using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;

namespace Portal.Features.Allocation;

/// <summary>What a change that can move stock or dates reports: the products it touched and why.</summary>
public sealed record AllocatingChange(IReadOnlyCollection<int> ProductIds, string Reason);

public static class AllocatingChangeExtensions
{
    /// <summary>
    /// Commits a physical fact (a receipt, a shipment, a count) together with the "needs allocation" mark of its
    /// products, retrying if an allocation run wins a race on the same rows, then asks for the run. Returns null when
    /// done, or the business rule's message when the change is refused (nothing is saved then).
    /// </summary>
    public static async Task<string?> CommitAndAllocateAsync(
        this IDbContextFactory<PortalDbContext> dbFactory, AllocationScheduler scheduler, TimeProvider clock,
        Func<PortalDbContext, Task<AllocatingChange>> change, CancellationToken cancellationToken = default)
    {
        try
        {
            var done = await dbFactory.RetryOnConflictAsync(async db =>
            {
                var result = await change(db);
                await db.SaveChangesAsync(cancellationToken);
                await AllocationFlags.MarkAsync(db, result.ProductIds, result.Reason, clock.GetUtcNow(), cancellationToken);
                return result;
            }, cancellationToken);

            await scheduler.RequestAsync(done.ProductIds, cancellationToken);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }
}
