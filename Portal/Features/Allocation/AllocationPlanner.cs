using Portal.Domain.Allocation;

namespace Portal.Features.Allocation;

/// <summary>
/// Runs the pure engine over loaded pools (in parallel when there are many) and lists only what changed. Each pool's
/// changes are worked out (and their notes worded) inside the parallel loop; the lists are joined in pool order after.
/// </summary>
internal static class AllocationPlanner
{
    private const int ParallelThreshold = 64;

    public static PlannedWrites Plan(LoadedPools loaded, AllocationRules rules)
    {
        var pools = loaded.Pools;
        var plans = new PoolPlan[pools.Count];
        if (pools.Count >= ParallelThreshold)
        {
            Parallel.For(0, pools.Count, i => plans[i] = PlanPool(pools[i], loaded.Lines, rules));
        }
        else
        {
            for (var i = 0; i < pools.Count; i++)
            {
                plans[i] = PlanPool(pools[i], loaded.Lines, rules);
            }
        }

        ReplanShipComplete(loaded, plans, rules);

        int lineCount = 0, noticeCount = 0, stockCount = 0, unitsAllocated = 0;
        foreach (var plan in plans)
        {
            lineCount += plan.Lines?.Count ?? 0;
            noticeCount += plan.Notices?.Count ?? 0;
            stockCount += plan.Stock is null ? 0 : 1;
            unitsAllocated += plan.UnitsAllocated;
        }

        var lines = new List<LineWrite>(lineCount);
        var stock = new List<StockWrite>(stockCount);
        var notices = new List<LineNotice>(noticeCount);
        var shortages = new List<ProductShortage>();
        foreach (var plan in plans)
        {
            if (plan.Lines is not null) lines.AddRange(plan.Lines);
            if (plan.Stock is not null) stock.Add(plan.Stock);
            if (plan.Notices is not null) notices.AddRange(plan.Notices);
            if (plan.Shortage is not null) shortages.Add(plan.Shortage);
        }

        return new PlannedWrites(lines, stock, notices, unitsAllocated, shortages);
    }

    private static PoolPlan PlanPool(StockPool pool, IReadOnlyDictionary<int, StoredLine> storedLines, AllocationRules rules)
    {
        var result = PoolEngine.Run(pool.Snapshot(), rules.Today, rules.Calendar, rules.Eta, rules.Notices);
        Dictionary<int, LineChange>? changes = null;
        var poolAllocated = 0;
        if (result.Changes.Count > 0)
        {
            changes = new Dictionary<int, LineChange>(result.Changes.Count);
            foreach (var change in result.Changes)
            {
                changes.Add(change.LineId, change);
            }
        }

        foreach (var line in pool.Lines)
        {
            poolAllocated += changes is not null && changes.TryGetValue(line.LineId, out var change) ? change.AllocatedAfter : line.Allocated;
        }

        List<LineWrite>? lines = null;
        List<LineNotice>? notices = null;
        Dictionary<int, DemandLine>? byId = null;
        var unitsAllocated = 0;
        foreach (var eta in result.Etas)
        {
            var stored = storedLines[eta.LineId];
            LineChange? changed = null;
            changes?.TryGetValue(eta.LineId, out changed);
            var etaDate = StoredEta.ToStore(eta.EtaDate, eta.Basis, eta.Overdue);
            var etaMoved = stored.EtaDate != etaDate || stored.EtaBasis != eta.Basis
                || stored.EtaOverdue != eta.Overdue || stored.EtaPurchaseOrderId != eta.CoveringPoId;
            if (changed is null && !etaMoved)
            {
                continue;
            }

            var line = changed?.Line ?? LineById(pool, ref byId, eta.LineId);
            var allocated = changed?.AllocatedAfter ?? line.Allocated;
            unitsAllocated += allocated - line.Allocated;
            var etaNote = eta.Explanation;
            (lines ??= []).Add(new LineWrite(stored.Id, stored.Version, allocated, etaDate, eta.Basis, eta.Overdue, eta.CoveringPoId,
                etaNote, changed is { Added: not 0 } ? changed.Allocation.Explanation : null, changed?.Notified ?? line.LastNotified!));
            if (changed is not null)
            {
                foreach (var notice in changed.Notices)
                {
                    (notices ??= []).Add(new LineNotice(stored.OrderId, stored.CustomerId, stored.Id, notice, etaNote));
                }
            }
        }

        var stock = pool.StockLevelId is { } stockLevelId && poolAllocated != pool.StoredAllocated
            ? new StockWrite(stockLevelId, pool.StockVersion, poolAllocated)
            : null;
        return new PoolPlan(lines, stock, notices, unitsAllocated, ShipCompleteAfter(pool, changes),
            ShortageAfter(pool, changes, storedLines, poolAllocated));
    }

    // The pool's shortage figures as this run leaves it (see ProductShortage): the lines still waiting after their
    // new allocations, stock less what is now reserved, and the open supply the run loaded. Null when nobody waits.
    private static ProductShortage? ShortageAfter(
        StockPool pool, Dictionary<int, LineChange>? changes, IReadOnlyDictionary<int, StoredLine> storedLines, int poolAllocated)
    {
        int backordered = 0, lines = 0;
        var value = 0m;
        DateOnly? needDate = null;
        HashSet<int>? customers = null;
        foreach (var line in pool.Lines)
        {
            var allocated = changes is not null && changes.TryGetValue(line.LineId, out var change) ? change.AllocatedAfter : line.Allocated;
            var waiting = line.Open - allocated;
            if (waiting <= 0)
            {
                continue;
            }

            var stored = storedLines[line.LineId];
            backordered += waiting;
            lines++;
            value += waiting * stored.UnitPrice;
            (customers ??= []).Add(stored.CustomerId);
            // The need date is the requested ship date, else the day (UTC) the order was placed.
            var need = line.RequestedShipDate ?? DateOnly.FromDateTime(line.PlacedAt.UtcDateTime);
            needDate = needDate is { } earliest && earliest <= need ? earliest : need;
        }

        if (backordered == 0)
        {
            return null;
        }

        int onOrder = 0;
        DateOnly? nextPoDate = null;
        foreach (var supply in pool.Supply)
        {
            onOrder += supply.OpenQuantity;
            nextPoDate = nextPoDate is { } next && next <= supply.ExpectedDate ? next : supply.ExpectedDate;
        }

        var shortage = new ProductShortage(pool.ProductId, pool.WarehouseId);
        shortage.Set(backordered, lines, customers!.Count, value, needDate!.Value, pool.StockLevelId is null ? 0 : pool.OnHand - poolAllocated, onOrder, nextPoDate);
        return shortage;
    }

    // Backordered units per ship-complete order after this run, when the run changed any of the pool's allocations to
    // one; null otherwise (the common case).
    private static Dictionary<int, int>? ShipCompleteAfter(StockPool pool, Dictionary<int, LineChange>? changes)
    {
        if (changes is null || !changes.Values.Any(c => c.Line.ShipComplete && c.AllocatedAfter != c.Line.Allocated))
        {
            return null;
        }

        var after = new Dictionary<int, int>();
        foreach (var line in pool.Lines.Where(l => l.ShipComplete))
        {
            var allocated = changes.TryGetValue(line.LineId, out var change) ? change.AllocatedAfter : line.Allocated;
            after[line.OrderId] = after.GetValueOrDefault(line.OrderId) + Math.Max(0, line.Open - allocated);
        }

        return after;
    }

    // A ship-complete order is ready only when its lines in every pool are allocated, and each pool was planned against
    // the order's other pools as stored. Where this run changed the order in another pool, that view is stale (two
    // pools filled in one run would each wait for the other and the customer would never hear), so the pool is planned
    // again against this run's outcome. Allocations do not depend on it, only readiness and its notices do: one more
    // pass settles it.
    private static void ReplanShipComplete(LoadedPools loaded, PoolPlan[] plans, AllocationRules rules)
    {
        var pools = loaded.Pools;
        if (loaded.ShipCompleteLines is not { } byOrder)
        {
            return;
        }

        var changed = new Dictionary<(int ProductId, int WarehouseId), Dictionary<int, int>>();
        for (var i = 0; i < plans.Length; i++)
        {
            if (plans[i].ShipCompleteAfter is { } after)
            {
                changed[(pools[i].ProductId, pools[i].WarehouseId)] = after;
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        for (var i = 0; i < pools.Count; i++)
        {
            var pool = pools[i];
            if (pool.OrdersElsewhere is not { } stored)
            {
                continue;
            }

            var afterRun = AllocationLoader.OrdersElsewhere(pool, byOrder, changed)!;
            if (!afterRun.SequenceEqual(stored))
            {
                pool.OrdersElsewhere = afterRun;
                plans[i] = PlanPool(pool, loaded.Lines, rules);
            }
        }
    }

    // A line whose promise moved but whose allocation and notified state did not: found by id, not by a scan,
    // so a pool of thousands of lines whose dates all moved stays linear.
    private static DemandLine LineById(StockPool pool, ref Dictionary<int, DemandLine>? byId, int lineId)
    {
        if (byId is null)
        {
            byId = new Dictionary<int, DemandLine>(pool.Lines.Count);
            foreach (var line in pool.Lines)
            {
                byId.Add(line.LineId, line);
            }
        }

        return byId[lineId];
    }

    private sealed record PoolPlan(
        List<LineWrite>? Lines, StockWrite? Stock, List<LineNotice>? Notices, int UnitsAllocated, Dictionary<int, int>? ShipCompleteAfter,
        ProductShortage? Shortage);
}

/// <summary>Shortages: the figures of every pool the run loaded where a line still waits afterwards.</summary>
internal sealed record PlannedWrites(
    IReadOnlyList<LineWrite> Lines, IReadOnlyList<StockWrite> Stock, IReadOnlyList<LineNotice> Notices, int UnitsAllocated,
    IReadOnlyList<ProductShortage> Shortages);
