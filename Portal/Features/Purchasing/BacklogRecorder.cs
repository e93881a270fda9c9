using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;

namespace Portal.Features.Purchasing;

/// <summary>Records today's backlog (lines, units, value, units by age) for the trend and aging charts.</summary>
public sealed class BacklogRecorder(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<BacklogSnapshot> RecordAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateTimeOffset DaysAgo(int days) => now.AddDays(-days);
        var (d7, d30, d60) = (DaysAgo(7), DaysAgo(30), DaysAgo(60));

        // Age is calendar days since the order was placed.
        var figures = await db.SalesOrderLines.Where(l => l.Backordered > 0)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Lines = g.Count(),
                Units = g.Sum(l => l.Backordered),
                Value = g.Sum(l => l.UnitPrice * l.Backordered),
                Aged0To7 = g.Sum(l => l.Order.PlacedAt >= d7 ? l.Backordered : 0),
                Aged8To30 = g.Sum(l => l.Order.PlacedAt < d7 && l.Order.PlacedAt >= d30 ? l.Backordered : 0),
                Aged31To60 = g.Sum(l => l.Order.PlacedAt < d30 && l.Order.PlacedAt >= d60 ? l.Backordered : 0),
                AgedOver60 = g.Sum(l => l.Order.PlacedAt < d60 ? l.Backordered : 0),
            })
            .SingleOrDefaultAsync(cancellationToken);

        var snapshot = await db.BacklogSnapshots.FindAsync([today], cancellationToken);
        if (snapshot is null)
        {
            snapshot = new BacklogSnapshot { Date = today };
            db.BacklogSnapshots.Add(snapshot);
        }

        snapshot.BackorderedLines = figures?.Lines ?? 0;
        snapshot.BackorderedUnits = figures?.Units ?? 0;
        snapshot.BackorderedValue = figures?.Value ?? 0;
        snapshot.UnitsAged0To7 = figures?.Aged0To7 ?? 0;
        snapshot.UnitsAged8To30 = figures?.Aged8To30 ?? 0;
        snapshot.UnitsAged31To60 = figures?.Aged31To60 ?? 0;
        snapshot.UnitsAgedOver60 = figures?.AgedOver60 ?? 0;
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }
}
