using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Purchasing;

namespace Portal.Features.Allocation;

/// <summary>
/// Loads the pools of a set of products (or of all) in a fixed number of queries, however many lines there are:
/// every slow ERP we read about was slow because of per-line queries.
/// </summary>
internal static class AllocationLoader
{
    public static async Task<LoadedPools> LoadAsync(PortalDbContext db, IReadOnlyCollection<int>? productIds, CancellationToken cancellationToken)
    {
        var lineQuery = db.SalesOrderLines.AsNoTracking().Where(l =>
            l.Backordered > 0 || l.Allocated > 0 || l.NotifiedBackordered > 0 || l.NotifiedShipped != l.Shipped || l.NotifiedCancelled != l.Cancelled);
        var stockQuery = db.StockLevels.AsNoTracking();
        var supplyQuery = db.PurchaseOrderLines.AsNoTracking()
            .Where(l => l.Ordered > l.Received + l.Cancelled && l.Order.Status == PurchaseOrderStatus.Open);
        var productQuery = db.Products.AsNoTracking();
        if (productIds is not null)
        {
            lineQuery = lineQuery.Where(l => productIds.Contains(l.ProductId));
            stockQuery = stockQuery.Where(s => productIds.Contains(s.ProductId));
            supplyQuery = supplyQuery.Where(l => productIds.Contains(l.ProductId));
            productQuery = productQuery.Where(p => productIds.Contains(p.Id));
        }

        var lines = await lineQuery.Select(l => new LineRow(
                l.Id, l.Version, l.SalesOrderId, l.LineNumber, l.ProductId, l.Order.WarehouseId, l.Order.CustomerId,
                l.Order.Expedite, l.Order.Customer.PriorityTier, l.Order.RequestedShipDate, l.Order.PlacedAt, l.Order.ShipComplete, l.Order.OnHold,
                l.Ordered, l.Allocated, l.Shipped, l.Cancelled,
                l.NotifiedBackordered, l.NotifiedEtaDate, l.NotifiedEtaBasis, l.NotifiedShipped, l.NotifiedCancelled,
                l.EtaDate, l.EtaBasis, l.EtaOverdue, l.EtaPurchaseOrderId))
            .ToListAsync(cancellationToken);
        var stock = await stockQuery.Select(s => new { s.Id, s.Version, s.ProductId, s.WarehouseId, s.OnHand, s.Allocated }).ToListAsync(cancellationToken);
        var supply = await supplyQuery.Select(l => new { l.Id, l.PurchaseOrderId, l.ProductId, l.Order.WarehouseId, l.ExpectedDate, Open = l.Ordered - l.Received - l.Cancelled })
            .ToListAsync(cancellationToken);
        var leadTimes = await productQuery.Select(p => new { p.Id, LeadTime = p.LeadTimeDays ?? (p.Supplier == null ? null : p.Supplier.DefaultLeadTimeDays) })
            .ToDictionaryAsync(p => p.Id, p => p.LeadTime, cancellationToken);

        var pools = new Dictionary<(int, int), StockPool>();
        StockPool Pool(int productId, int warehouseId)
        {
            if (!pools.TryGetValue((productId, warehouseId), out var pool))
            {
                pool = new StockPool(productId, warehouseId) { LeadTimeDays = leadTimes.GetValueOrDefault(productId) };
                pools.Add((productId, warehouseId), pool);
            }

            return pool;
        }

        var stored = new Dictionary<int, StoredLine>(lines.Count);
        foreach (var l in lines)
        {
            Pool(l.ProductId, l.WarehouseId).Lines.Add(new DemandLine(
                l.Id, l.OrderId, l.LineNumber, l.Expedite, l.Tier, l.Requested, l.PlacedAt, l.ShipComplete, l.OnHold,
                l.Ordered, l.Allocated, l.Shipped, l.Cancelled,
                new NotifiedState(l.NotifiedBackordered, l.NotifiedEtaDate, l.NotifiedEtaBasis, l.NotifiedShipped, l.NotifiedCancelled)));
            stored.Add(l.Id, new StoredLine(l.Id, l.Version, l.OrderId, l.CustomerId, l.ProductId, l.EtaDate, l.EtaBasis, l.EtaOverdue, l.EtaPurchaseOrderId));
        }

        foreach (var s in stock)
        {
            // A pool with no active lines still matters when it holds a stale reservation to release.
            if (s.Allocated == 0 && !pools.ContainsKey((s.ProductId, s.WarehouseId)))
            {
                continue;
            }

            var pool = Pool(s.ProductId, s.WarehouseId);
            (pool.StockLevelId, pool.StockVersion, pool.OnHand, pool.StoredAllocated) = (s.Id, s.Version, s.OnHand, s.Allocated);
        }

        foreach (var s in supply)
        {
            if (pools.TryGetValue((s.ProductId, s.WarehouseId), out var pool))
            {
                pool.Supply.Add(new SupplyLine(s.Id, s.PurchaseOrderId, s.ExpectedDate, s.Open));
            }
        }

        await AddShipCompleteContextAsync(db, pools, cancellationToken);
        return new LoadedPools(pools.Values.ToList(), stored);
    }

    // A ship-complete order is "ready" only when its lines in every pool are allocated, so each pool needs to
    // know how the order's other pools stand: as last notified (was) and as stored (is).
    private static async Task AddShipCompleteContextAsync(
        PortalDbContext db, Dictionary<(int, int), StockPool> pools, CancellationToken cancellationToken)
    {
        var orderIds = pools.Values.SelectMany(p => p.Lines).Where(l => l.ShipComplete).Select(l => l.OrderId).Distinct().ToList();
        if (orderIds.Count == 0)
        {
            return;
        }

        var orderLines = await db.SalesOrderLines.AsNoTracking()
            .Where(l => orderIds.Contains(l.SalesOrderId))
            .Select(l => new { l.SalesOrderId, l.ProductId, l.Order.WarehouseId, l.Backordered, l.NotifiedBackordered })
            .ToListAsync(cancellationToken);
        var byOrder = orderLines.ToLookup(l => l.SalesOrderId);
        foreach (var pool in pools.Values)
        {
            foreach (var orderId in pool.Lines.Where(l => l.ShipComplete).Select(l => l.OrderId).Distinct())
            {
                var elsewhere = byOrder[orderId].Where(l => l.ProductId != pool.ProductId || l.WarehouseId != pool.WarehouseId).ToList();
                if (elsewhere.Count > 0)
                {
                    (pool.OrdersElsewhere ??= []).Add(new OrderElsewhere(
                        orderId, elsewhere.All(l => l.NotifiedBackordered == 0), elsewhere.All(l => l.Backordered == 0)));
                }
            }
        }

    }

    private sealed record LineRow(
        int Id, int Version, int OrderId, int LineNumber, int ProductId, int WarehouseId, int CustomerId,
        bool Expedite, int Tier, DateOnly? Requested, DateTimeOffset PlacedAt, bool ShipComplete, bool OnHold,
        int Ordered, int Allocated, int Shipped, int Cancelled,
        int NotifiedBackordered, DateOnly? NotifiedEtaDate, EtaBasis NotifiedEtaBasis, int NotifiedShipped, int NotifiedCancelled,
        DateOnly? EtaDate, EtaBasis EtaBasis, bool EtaOverdue, int? EtaPurchaseOrderId);
}

internal sealed record LoadedPools(IReadOnlyList<StockPool> Pools, IReadOnlyDictionary<int, StoredLine> Lines);
