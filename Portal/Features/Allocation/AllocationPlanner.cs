using Portal.Domain.Allocation;

namespace Portal.Features.Allocation;

/// <summary>Runs the pure engine over loaded pools (in parallel when there are many) and lists only what changed.</summary>
internal static class AllocationPlanner
{
    private const int ParallelThreshold = 64;

    public static PlannedWrites Plan(LoadedPools loaded, AllocationRules rules)
    {
        var pools = loaded.Pools;
        var results = new PoolRunResult[pools.Count];
        if (pools.Count >= ParallelThreshold)
        {
            Parallel.For(0, pools.Count, i => results[i] = Run(pools[i], rules));
        }
        else
        {
            for (var i = 0; i < pools.Count; i++)
            {
                results[i] = Run(pools[i], rules);
            }
        }

        var lines = new List<LineWrite>();
        var stock = new List<StockWrite>();
        var notices = new List<LineNotice>();
        var unitsAllocated = 0;
        for (var i = 0; i < pools.Count; i++)
        {
            var pool = pools[i];
            var changes = results[i].Changes.ToDictionary(c => c.LineId);
            var poolAllocated = 0;
            foreach (var line in pool.Lines)
            {
                poolAllocated += changes.TryGetValue(line.LineId, out var change) ? change.AllocatedAfter : line.Allocated;
            }

            foreach (var eta in results[i].Etas)
            {
                var stored = loaded.Lines[eta.LineId];
                var changed = changes.GetValueOrDefault(eta.LineId);
                var etaMoved = stored.EtaDate != eta.EtaDate || stored.EtaBasis != eta.Basis
                    || stored.EtaOverdue != eta.Overdue || stored.EtaPurchaseOrderId != eta.CoveringPoId;
                if (changed is null && !etaMoved)
                {
                    continue;
                }

                var line = changed?.Line ?? pool.Lines.First(l => l.LineId == eta.LineId);
                var allocated = changed?.AllocatedAfter ?? line.Allocated;
                unitsAllocated += allocated - line.Allocated;
                lines.Add(new LineWrite(stored.Id, stored.Version, allocated, eta.EtaDate, eta.Basis, eta.Overdue, eta.CoveringPoId,
                    eta.Explanation, changed is { Added: not 0 } ? changed.Allocation.Explanation : null, changed?.Notified ?? line.LastNotified!));
                foreach (var notice in changed?.Notices ?? [])
                {
                    notices.Add(new LineNotice(stored.OrderId, stored.CustomerId, stored.Id, notice, eta.Explanation));
                }
            }

            if (pool.StockLevelId is { } stockLevelId && poolAllocated != pool.StoredAllocated)
            {
                stock.Add(new StockWrite(stockLevelId, pool.StockVersion, poolAllocated));
            }
        }

        return new PlannedWrites(lines, stock, notices, unitsAllocated);
    }

    private static PoolRunResult Run(StockPool pool, AllocationRules rules) =>
        PoolEngine.Run(pool.Snapshot(), rules.Today, rules.Calendar, rules.Eta, rules.Notices);
}

internal sealed record PlannedWrites(IReadOnlyList<LineWrite> Lines, IReadOnlyList<StockWrite> Stock, IReadOnlyList<LineNotice> Notices, int UnitsAllocated);
