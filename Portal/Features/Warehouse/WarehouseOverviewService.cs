using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Common;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;

namespace Portal.Features.Warehouse;

public sealed record WarehouseOverview(int OrdersToPick, int LinesToPick, int UnitsToPick, int PoLinesDueThisWeek, int OverduePoLines, IReadOnlyList<OpenPoLine> NextArrivals);

/// <summary>The Warehouse landing page: what the pick list and the receiving page hold, counted the same way they list it.</summary>
public sealed class WarehouseOverviewService(IDbContextFactory<PortalDbContext> dbFactory, ReceivingService receiving, TimeProvider clock)
{
    public async Task<WarehouseOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();
        var weekEnd = today.AddDays(7);

        var toPick = PickListQuery.Released(db);
        var linesToPick = await toPick.CountAsync(cancellationToken);
        var unitsToPick = await toPick.SumAsync(l => (int?)l.Allocated, cancellationToken) ?? 0;
        var ordersToPick = await PickListQuery.Orders(db, new PickListFilter()).CountAsync(cancellationToken);

        var open = db.PurchaseOrderLines.Where(l => l.Ordered > l.Received + l.Cancelled && l.Order.Status == PurchaseOrderStatus.Open);
        var dueThisWeek = await open.CountAsync(l => l.ExpectedDate >= today && l.ExpectedDate <= weekEnd, cancellationToken);
        var overdue = await open.CountAsync(l => l.ExpectedDate < today, cancellationToken);
        var next = await receiving.OpenLinesAsync(search: null, new PageRequest(Take: 10), cancellationToken);
        return new WarehouseOverview(ordersToPick, linesToPick, unitsToPick, dueThisWeek, overdue, next.Rows);
    }
}
