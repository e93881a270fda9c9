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
            if (IsLong(productIds))
            {
                // EF 10 sends a list as one parameter per id (short lists get the best plans that way), which SQLite caps
                // at 32,766 and PostgreSQL at 65,535: a long list (a sweep after a bulk change) goes as one parameter.
                var ids = productIds.ToArray();
                lineQuery = lineQuery.Where(l => EF.Parameter(ids).Contains(l.ProductId));
                stockQuery = stockQuery.Where(s => EF.Parameter(ids).Contains(s.ProductId));
                supplyQuery = supplyQuery.Where(l => EF.Parameter(ids).Contains(l.ProductId));
                productQuery = productQuery.Where(p => EF.Parameter(ids).Contains(p.Id));
            }
            else
            {
                lineQuery = lineQuery.Where(l => productIds.Contains(l.ProductId));
                stockQuery = stockQuery.Where(s => productIds.Contains(s.ProductId));
                supplyQuery = supplyQuery.Where(l => productIds.Contains(l.ProductId));
                productQuery = productQuery.Where(p => productIds.Contains(p.Id));
            }
        }

        // One table: the line carries the order terms its place in the queue depends on, so this is one index scan.
        var lines = await lineQuery.Select(l => new LineRow(
                l.Id, l.Version, l.SalesOrderId, l.LineNumber, l.ProductId, l.WarehouseId, l.CustomerId,
                l.Expedite, l.PriorityTier, l.RequestedShipDate, l.PlacedAt, l.ShipComplete, l.OnHold,
                l.Ordered, l.Allocated, l.Shipped, l.Cancelled,
                l.NotifiedBackordered, l.NotifiedEtaDate, l.NotifiedEtaBasis, l.NotifiedShipped, l.NotifiedCancelled,
                l.EtaDate, l.EtaBasis, l.EtaOverdue, l.EtaPurchaseOrderId, l.UnitPrice))
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
            stored.Add(l.Id, new StoredLine(l.Id, l.Version, l.OrderId, l.CustomerId, l.ProductId, l.EtaDate, l.EtaBasis, l.EtaOverdue, l.EtaPurchaseOrderId,
                l.UnitPrice));
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

        var shipComplete = await AddShipCompleteContextAsync(db, pools, productIds is null, cancellationToken);
        return new LoadedPools(pools.Values.ToList(), stored, shipComplete);
    }

    /// <summary>More ids than a statement should carry as separate parameters.</summary>
    internal static bool IsLong(IReadOnlyCollection<int> ids) => ids.Count > 1_000;

    // A ship-complete order is "ready" only when its lines in every pool are allocated, so each pool needs to
    // know how the order's other pools stand: as last notified (was) and as stored (is). Only active lines can make
    // an order not ready (an inactive line has nothing backordered, now or as notified), so only they are read;
    // a full run has read every active line already and needs no query at all.
    // Returns the active lines of those orders, by order, for the planner (see AllocationPlanner.ReplanShipComplete).
    private static async Task<ILookup<int, ShipCompleteLine>?> AddShipCompleteContextAsync(
        PortalDbContext db, Dictionary<(int, int), StockPool> pools, bool allProducts, CancellationToken cancellationToken)
    {
        var orderIds = new HashSet<int>();
        foreach (var pool in pools.Values)
        {
            foreach (var line in pool.Lines)
            {
                if (line.ShipComplete)
                {
                    orderIds.Add(line.OrderId);
                }
            }
        }

        if (orderIds.Count == 0)
        {
            return null;
        }

        List<ShipCompleteLine> orderLines;
        if (allProducts)
        {
            orderLines = [];
            foreach (var pool in pools.Values)
            {
                foreach (var line in pool.Lines)
                {
                    if (line.ShipComplete)
                    {
                        orderLines.Add(new ShipCompleteLine(line.OrderId, pool.ProductId, line.Backordered, line.LastNotified?.Backordered ?? 0));
                    }
                }
            }
        }
        else
        {
            // One array/JSON parameter, however many orders: EF 10 would otherwise expand the list into one parameter
            // per id, which SQLite (32,766) and PostgreSQL (65,535) cap.
            var ids = orderIds.ToArray();
            orderLines = await db.SalesOrderLines.AsNoTracking()
                .Where(l => EF.Parameter(ids).Contains(l.SalesOrderId))
                .Where(l => l.Backordered > 0 || l.Allocated > 0 || l.NotifiedBackordered > 0 || l.NotifiedShipped != l.Shipped || l.NotifiedCancelled != l.Cancelled)
                .Select(l => new ShipCompleteLine(l.SalesOrderId, l.ProductId, l.Backordered, l.NotifiedBackordered))
                .ToListAsync(cancellationToken);
        }

        var byOrder = orderLines.ToLookup(l => l.OrderId);
        foreach (var pool in pools.Values)
        {
            pool.OrdersElsewhere = OrdersElsewhere(pool, byOrder);
        }

        return byOrder;
    }

    /// <summary>
    /// How each ship-complete order the pool holds stands in its other pools: as last notified (was) and now. "Now" is the
    /// stored state, or this run's outcome where <paramref name="waitingAfterRun"/> has it for that pool: backordered units
    /// by order, by product and warehouse (see AllocationPlanner). Null when no such order has lines elsewhere.
    /// </summary>
    internal static List<OrderElsewhere>? OrdersElsewhere(
        StockPool pool, ILookup<int, ShipCompleteLine> byOrder,
        IReadOnlyDictionary<(int ProductId, int WarehouseId), Dictionary<int, int>>? waitingAfterRun = null)
    {
        List<OrderElsewhere>? elsewhere = null;
        HashSet<int>? seen = null;
        foreach (var line in pool.Lines)
        {
            if (!line.ShipComplete || !(seen ??= []).Add(line.OrderId))
            {
                continue;
            }

            bool any = false, was = true, now = true;
            foreach (var l in byOrder[line.OrderId])
            {
                // The warehouse is the order's, so the order's lines in another pool are those of another product.
                if (l.ProductId == pool.ProductId)
                {
                    continue;
                }

                any = true;
                was &= l.NotifiedBackordered == 0;
                now &= (waitingAfterRun is not null && waitingAfterRun.TryGetValue((l.ProductId, pool.WarehouseId), out var after)
                    && after.TryGetValue(line.OrderId, out var waiting) ? waiting : l.Backordered) == 0;
            }

            if (any)
            {
                (elsewhere ??= []).Add(new OrderElsewhere(line.OrderId, was, now));
            }
        }

        return elsewhere;
    }

    internal sealed record ShipCompleteLine(int OrderId, int ProductId, int Backordered, int NotifiedBackordered);

    private sealed record LineRow(
        int Id, int Version, int OrderId, int LineNumber, int ProductId, int WarehouseId, int CustomerId,
        bool Expedite, int Tier, DateOnly? Requested, DateTimeOffset PlacedAt, bool ShipComplete, bool OnHold,
        int Ordered, int Allocated, int Shipped, int Cancelled,
        int NotifiedBackordered, DateOnly? NotifiedEtaDate, EtaBasis NotifiedEtaBasis, int NotifiedShipped, int NotifiedCancelled,
        DateOnly? EtaDate, EtaBasis EtaBasis, bool EtaOverdue, int? EtaPurchaseOrderId, decimal UnitPrice);
}

/// <summary>ShipCompleteLines: the active lines of the ship-complete orders the pools hold, by order (null: none).</summary>
internal sealed record LoadedPools(
    IReadOnlyList<StockPool> Pools, IReadOnlyDictionary<int, StoredLine> Lines,
    ILookup<int, AllocationLoader.ShipCompleteLine>? ShipCompleteLines = null);
