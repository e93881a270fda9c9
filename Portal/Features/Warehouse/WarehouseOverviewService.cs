using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Common;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;

namespace Portal.Features.Warehouse;

/// <summary>The Warehouse landing page's figures; <see cref="UnitsToPick"/> is null when the pick list was counted only so far.</summary>
public sealed record WarehouseOverview(int OrdersToPick, int LinesToPick, int? UnitsToPick, int PoLinesDueThisWeek, int OverduePoLines, IReadOnlyList<OpenPoLine> NextArrivals)
{
    /// <summary>"more than " when the lines or orders to pick were counted only up to the limit (see Counting).</summary>
    public string CountWords { get; init; } = "";
}

/// <summary>The Warehouse landing page: what the pick list and the receiving page hold, counted the same way they list it.</summary>
public sealed class WarehouseOverviewService(IDbContextFactory<PortalDbContext> dbFactory, ReceivingService receiving, TimeProvider clock)
{
    public async Task<WarehouseOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();
        var weekEnd = today.AddDays(7);

        // A long pick list is counted as the pick list counts it (hundreds of thousands of released lines cannot be added
        // up in the time a page has); its units are then left out rather than guessed.
        var toPick = PickListQuery.Released(db);
        var lines = await Counting.CountAsync(toPick, cancellationToken);
        var orders = await Counting.CountAsync(PickListQuery.Orders(db, new PickListFilter()), cancellationToken);
        int? unitsToPick = lines.MoreThan ? null : await toPick.SumAsync(l => (int?)l.Allocated, cancellationToken) ?? 0;

        var open = db.PurchaseOrderLines.Where(l => l.Ordered > l.Received + l.Cancelled && l.Order.Status == PurchaseOrderStatus.Open);
        var dueThisWeek = await open.CountAsync(l => l.ExpectedDate >= today && l.ExpectedDate <= weekEnd, cancellationToken);
        var overdue = await open.CountAsync(l => l.ExpectedDate < today, cancellationToken);
        var next = await receiving.OpenLinesAsync(search: null, new PageRequest(Take: 10), cancellationToken);
        return new WarehouseOverview(orders.Total, lines.Total, unitsToPick, dueThisWeek, overdue, next.Rows)
        {
            CountWords = lines.MoreThan ? lines.Words : orders.Words,
        };
    }
}
