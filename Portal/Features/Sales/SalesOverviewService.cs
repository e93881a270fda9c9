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
        var waiting = db.SalesOrderLines.Where(l => l.Backordered > 0);
        var lines = await waiting.CountAsync(cancellationToken);
        var units = await waiting.SumAsync(l => (int?)l.Backordered, cancellationToken) ?? 0;
        var value = await waiting.SumAsync(l => (decimal?)(l.UnitPrice * l.Backordered), cancellationToken) ?? 0;
        var late = await AllocationRules.LateDeliveryAsync(db, clock, cancellationToken);
        var oldest = await waiting
            .OrderBy(l => l.Order.PlacedAt)
            .Take(10)
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new WaitingLine(
                l.SalesOrderId, l.Order.Customer.Name, p.Sku, p.Name, l.Backordered, l.Order.PlacedAt, l.EtaDate ?? (l.EtaOverdue ? late : null), l.EtaBasis))
            .ToListAsync(cancellationToken);
        return new SalesOverview(openOrders, lines, units, value, oldest);
    }
}
