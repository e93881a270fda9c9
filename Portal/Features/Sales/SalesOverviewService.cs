using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Allocation;

namespace Portal.Features.Sales;

public sealed record SalesOverview(int OpenOrders, int BackorderedLines, int BackorderedUnits, decimal ValueAtRisk, IReadOnlyList<WaitingLine> OldestBackorders);

public sealed record WaitingLine(int OrderId, string Customer, string Sku, string Product, int Backordered, DateTimeOffset PlacedAt, DateOnly? Eta, EtaBasis EtaBasis)
{
    public string OrderNumber => SalesOrder.Format(OrderId);
}

public sealed class SalesOverviewService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<SalesOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var openOrders = await db.SalesOrders.CountAsync(o => o.Status == OrderStatus.Open || o.Status == OrderStatus.PartiallyShipped || o.Status == OrderStatus.OnHold, cancellationToken);
        // The waiting lines' figures as the allocation run keeps them per product and warehouse, not every line added up.
        var figures = await db.ProductShortages.GroupBy(_ => 1)
            .Select(g => new { Lines = g.Sum(s => s.Lines), Units = g.Sum(s => s.Backordered), Value = g.Sum(s => s.ValueAtRisk) })
            .SingleOrDefaultAsync(cancellationToken);
        var late = await AllocationRules.LateDeliveryAsync(db, clock, cancellationToken);
        var oldest = await db.SalesOrderLines.Where(l => l.Backordered > 0)
            .OrderBy(l => l.PlacedAt).ThenBy(l => l.Id) // the line's copy of its order's time, indexed with the waiting lines
            .Take(10)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new WaitingLine(
                l.SalesOrderId, l.Order.Customer.Name, p.Sku, p.Name, l.Backordered, l.Order.PlacedAt, l.EtaDate ?? (l.EtaOverdue ? late : null), l.EtaBasis))
            .ToListAsync(cancellationToken);
        return new SalesOverview(openOrders, figures?.Lines ?? 0, figures?.Units ?? 0, figures?.Value ?? 0, oldest);
    }
}
