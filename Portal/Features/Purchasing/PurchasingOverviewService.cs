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
        // The figures the allocation run keeps (one row per short product and warehouse), not every waiting line.
        var productsShort = await db.ProductShortages.Select(s => s.ProductId).Distinct().CountAsync(cancellationToken);
        var valueAtRisk = await db.ProductShortages.SumAsync(s => (decimal?)s.ValueAtRisk, cancellationToken) ?? 0;
        var openPos = await db.PurchaseOrders.CountAsync(o => o.Status == PurchaseOrderStatus.Open, cancellationToken);
        var overdue = await db.PurchaseOrderLines.CountAsync(l => l.Ordered > l.Received + l.Cancelled && l.ExpectedDate < today, cancellationToken);

        // The same figures as the shortage board, so the two pages never disagree.
        var top = await shortages.ListAsync(
            new ShortageFilter(), new PageRequest(0, 10, ShortageSort.ValueAtRisk, Descending: true), knownTotal: 0, cancellationToken);
        return new PurchasingOverview(productsShort, openPos, overdue, valueAtRisk, top.Rows);
    }
}
