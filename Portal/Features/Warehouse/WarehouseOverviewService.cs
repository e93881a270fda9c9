using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;

namespace Portal.Features.Warehouse;

public sealed record WarehouseOverview(int LinesToPick, int UnitsToPick, int PoLinesDueThisWeek, int OverduePoLines, IReadOnlyList<IncomingLine> NextArrivals);

public sealed record IncomingLine(int PurchaseOrderId, int LineNumber, string Supplier, string Sku, string Product, int Open, DateOnly ExpectedDate)
{
    public string PurchaseOrderNumber => PurchaseOrder.Format(PurchaseOrderId);
}

public sealed class WarehouseOverviewService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<WarehouseOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var weekEnd = today.AddDays(7);

        var toPick = db.SalesOrderLines.Where(l => l.Allocated > 0 && !l.Order.OnHold);
        var linesToPick = await toPick.CountAsync(cancellationToken);
        var unitsToPick = await toPick.SumAsync(l => (int?)l.Allocated, cancellationToken) ?? 0;

        var open = db.PurchaseOrderLines.Where(l => l.Ordered > l.Received + l.Cancelled && l.Order.Status == PurchaseOrderStatus.Open);
        var dueThisWeek = await open.CountAsync(l => l.ExpectedDate >= today && l.ExpectedDate <= weekEnd, cancellationToken);
        var overdue = await open.CountAsync(l => l.ExpectedDate < today, cancellationToken);
        var next = await open.OrderBy(l => l.ExpectedDate).ThenBy(l => l.PurchaseOrderId).Take(10)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new IncomingLine(
                l.PurchaseOrderId, l.LineNumber, l.Order.Supplier.Name, p.Sku, p.Name, l.Ordered - l.Received - l.Cancelled, l.ExpectedDate))
            .ToListAsync(cancellationToken);
        return new WarehouseOverview(linesToPick, unitsToPick, dueThisWeek, overdue, next);
    }
}
