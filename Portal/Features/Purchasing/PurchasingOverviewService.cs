using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Features.Common;
using Portal.Features.Purchasing.Shortages;

namespace Portal.Features.Purchasing;

public sealed record PurchasingOverview(int ProductsShort, int OpenPurchaseOrders, int OverduePoLines, decimal ValueAtRisk, IReadOnlyList<ShortageRow> TopShortages);

/// <summary>The Purchasing landing page: headline figures and the shortage board's ten biggest rows by value at risk.</summary>
public sealed class PurchasingOverviewService(IDbContextFactory<PortalDbContext> dbFactory, ShortageBoardQueries shortages, TimeProvider clock)
{
    public async Task<PurchasingOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today();
        var waiting = db.SalesOrderLines.Where(l => l.Backordered > 0);
        var productsShort = await waiting.Select(l => l.ProductId).Distinct().CountAsync(cancellationToken);
        var valueAtRisk = await waiting.SumAsync(l => (decimal?)(l.UnitPrice * l.Backordered), cancellationToken) ?? 0;
        var openPos = await db.PurchaseOrders.CountAsync(o => o.Status == PurchaseOrderStatus.Open, cancellationToken);
        var overdue = await db.PurchaseOrderLines.CountAsync(l => l.Ordered > l.Received + l.Cancelled && l.ExpectedDate < today, cancellationToken);

        // The same figures as the shortage board, so the two pages never disagree.
        var top = await shortages.ListAsync(
            new ShortageFilter(), new PageRequest(0, 10, ShortageSort.ValueAtRisk, Descending: true), knownTotal: 0, cancellationToken);
        return new PurchasingOverview(productsShort, openPos, overdue, valueAtRisk, top.Rows);
    }
}
