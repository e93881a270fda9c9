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
        var live = await MeasureAsync(db, clock.GetUtcNow(), cancellationToken);
        var snapshot = await db.BacklogSnapshots.FindAsync([live.Date], cancellationToken);
        if (snapshot is null)
        {
            db.BacklogSnapshots.Add(live);
        }
        else
        {
            db.Entry(snapshot).CurrentValues.SetValues(live);
        }

        await db.SaveChangesAsync(cancellationToken);
        return snapshot ?? live;
    }

    /// <summary>The backlog as it stands at <paramref name="now"/>, as the nightly run records it; nothing is saved.</summary>
    internal static async Task<BacklogSnapshot> MeasureAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Age is calendar days since the order was placed (docs/quantities-and-states.md#figures), so buckets start at
        // midnight UTC: an order placed 7 days and some hours ago is 7 days old, not 8.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateTimeOffset DaysAgo(int days) => new(today.AddDays(-days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (d7, d30, d60) = (DaysAgo(7), DaysAgo(30), DaysAgo(60));

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

        return new BacklogSnapshot
        {
            Date = today,
            BackorderedLines = figures?.Lines ?? 0,
            BackorderedUnits = figures?.Units ?? 0,
            BackorderedValue = figures?.Value ?? 0,
            UnitsAged0To7 = figures?.Aged0To7 ?? 0,
            UnitsAged8To30 = figures?.Aged8To30 ?? 0,
            UnitsAged31To60 = figures?.Aged31To60 ?? 0,
            UnitsAgedOver60 = figures?.AgedOver60 ?? 0,
        };
    }
}
