using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;

namespace Portal.Features.Purchasing;

public sealed record PurchasingOverview(int ProductsShort, int OpenPurchaseOrders, int OverduePoLines, decimal ValueAtRisk, IReadOnlyList<ShortProduct> TopShortages);

public sealed record ShortProduct(int ProductId, string Sku, string Name, int Backordered, int Available, int OnOrder, decimal ValueAtRisk)
{
    /// <summary>What no stock and no purchase order covers yet (DESIGN: never below zero).</summary>
    public int Uncovered => Math.Max(0, Backordered - Available - OnOrder);
}

public sealed class PurchasingOverviewService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PurchasingOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var shortages = db.SalesOrderLines.Where(l => l.Backordered > 0)
            .GroupBy(l => l.ProductId)
            .Select(g => new { ProductId = g.Key, Backordered = g.Sum(l => l.Backordered), Value = g.Sum(l => l.UnitPrice * l.Backordered) });
        var productsShort = await shortages.CountAsync(cancellationToken);
        var valueAtRisk = await db.SalesOrderLines.Where(l => l.Backordered > 0).SumAsync(l => (decimal?)(l.UnitPrice * l.Backordered), cancellationToken) ?? 0;
        var top = await shortages.OrderByDescending(s => s.Value).Take(10)
            .Join(db.Products, s => s.ProductId, p => p.Id, (s, p) => new
            {
                p.Id,
                p.Sku,
                p.Name,
                s.Backordered,
                s.Value,
                Available = db.StockLevels.Where(x => x.ProductId == p.Id).Sum(x => x.OnHand - x.Allocated),
                OnOrder = db.PurchaseOrderLines.Where(x => x.ProductId == p.Id && x.Ordered > x.Received + x.Cancelled).Sum(x => x.Ordered - x.Received - x.Cancelled),
            })
            .ToListAsync(cancellationToken);

        var openPos = await db.PurchaseOrders.CountAsync(o => o.Status == PurchaseOrderStatus.Open, cancellationToken);
        var overdue = await db.PurchaseOrderLines.CountAsync(l => l.Ordered > l.Received + l.Cancelled && l.ExpectedDate < today, cancellationToken);
        return new PurchasingOverview(productsShort, openPos, overdue, valueAtRisk,
            top.Select(t => new ShortProduct(t.Id, t.Sku, t.Name, t.Backordered, t.Available, t.OnOrder, t.Value)).ToList());
    }
}
