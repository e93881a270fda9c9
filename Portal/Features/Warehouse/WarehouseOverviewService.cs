using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Common;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;

namespace Portal.Features.Warehouse;

/// <summary>
/// The Warehouse landing page's figures. The orders and lines to pick are counted as lists are (see Counting), so a long
/// pick list says "more than 1,000"; <see cref="UnitsToPick"/> is then null, left out rather than guessed.
/// </summary>
public sealed record WarehouseOverview(
    ListCount OrdersToPick, ListCount LinesToPick, int? UnitsToPick, int PoLinesDueThisWeek, int OverduePoLines, IReadOnlyList<OpenPoLine> NextArrivals);

/// <summary>The Warehouse landing page: what the pick list and the receiving page hold, counted the same way they list it.</summary>
public sealed class WarehouseOverviewService(IDbContextFactory<PortalDbContext> dbFactory, ReceivingService receiving, TimeProvider clock)
{
    public async Task<WarehouseOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();
        var weekEnd = today.AddDays(7);

        // Hundreds of thousands of released lines cannot be added up in the time a page has.
        var toPick = PickListQuery.Released(db);
        var lines = await Counting.CountAsync(toPick, cancellationToken);
        var orders = await Counting.CountAsync(PickListQuery.Orders(db, new PickListFilter()), cancellationToken);
        int? unitsToPick = lines.MoreThan ? null : await toPick.SumAsync(l => (int?)l.Allocated, cancellationToken) ?? 0;

        var open = db.PurchaseOrderLines.Where(l => l.Ordered > l.Received + l.Cancelled && l.Order.Status == PurchaseOrderStatus.Open);
        var dueThisWeek = await open.CountAsync(l => l.ExpectedDate >= today && l.ExpectedDate <= weekEnd, cancellationToken);
        var overdue = await open.CountAsync(l => l.ExpectedDate < today, cancellationToken);
        var next = await receiving.OpenLinesAsync(search: null, new PageRequest(Take: 10), cancellationToken);
        return new WarehouseOverview(orders, lines, unitsToPick, dueThisWeek, overdue, next.Rows);
    }
}
