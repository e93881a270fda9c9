using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Admin.Allocation;

public sealed record WaitingProduct(int ProductId, string Sku, string Reason, DateTimeOffset MarkedAt);

public sealed record AllocationRunRow(DateTimeOffset StartedAt, TimeSpan Held, string Scope, int LinesWritten, int Notices, string Instance);

public sealed record AllocationQueue(IReadOnlyList<WaitingProduct> Waiting, int WaitingTotal, IReadOnlyList<AllocationRunRow> RecentRuns);

/// <summary>
/// What the jobs dashboard cannot show, because it lives in the portal's tables: the products still marked for
/// allocation (what the sweep will run) and the portal's own record of each allocation run.
/// </summary>
public sealed class AllocationQueueService(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<AllocationQueue> GetAsync(int take = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var waiting = await db.PendingAllocations.AsNoTracking()
            .OrderBy(p => p.MarkedAt)
            .Join(db.Products, p => p.ProductId, product => product.Id, (p, product) => new WaitingProduct(p.ProductId, product.Sku, p.Reason, p.MarkedAt))
            .Take(take)
            .ToListAsync(cancellationToken);
        var runs = await db.AllocationRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(take).ToListAsync(cancellationToken);
        return new AllocationQueue(waiting, await db.PendingAllocations.CountAsync(cancellationToken), runs.Select(r => new AllocationRunRow(
            r.StartedAt, r.FinishedAt - r.StartedAt, r.ProductId is { } id ? $"Product {id}" : $"{r.Products:N0} products",
            r.LinesWritten, r.Notices, r.Instance)).ToList());
    }
}
