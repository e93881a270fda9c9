using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Purchasing.Trends;

/// <summary>Reads the nightly backlog snapshots for the charts and measures today's backlog live.</summary>
public sealed class BacklogTrendService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<BacklogTrend> GetAsync(int days = 90, CancellationToken cancellationToken = default)
    {
        days = Math.Clamp(days, 7, 3 * 365);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-days);
        var snapshots = await db.BacklogSnapshots.AsNoTracking().Where(s => s.Date > from).OrderBy(s => s.Date).ToListAsync(cancellationToken);
        var live = await BacklogRecorder.MeasureAsync(db, now, cancellationToken);
        return new BacklogTrend(snapshots, live, days);
    }
}
