namespace Portal.Domain.Allocation;

// docs/allocation.md#redistribute, the manual Redistribute: release every unshipped allocation of the pool and allocate
// again from the start in priority order. On-hold orders get nothing. A plan only: the caller decides to write it.
public static class Redistributor
{
    public static RedistributionPlan Preview(PoolSnapshot pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var ranked = PriorityOrder.Rank(pool.Lines);
        var after = new int[ranked.Length];
        var remaining = Math.Max(0, pool.OnHand);
        int before = 0, total = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            var line = ranked[i];
            before += line.Allocated;
            if (line.OrderOnHold) continue;
            after[i] = Math.Min(remaining, line.Open);
            remaining -= after[i];
            total += after[i];
        }

        var others = new DemandLine?[ranked.Length];
        // A loser names the closest gainer ahead of it ...
        DemandLine? gainerAhead = null;
        for (var i = 0; i < ranked.Length; i++)
        {
            var change = after[i] - ranked[i].Allocated;
            if (change < 0 && !ranked[i].OrderOnHold) others[i] = gainerAhead;
            if (change > 0) gainerAhead = ranked[i];
        }
        // ... and a gainer the first line behind it that loses by priority (a held line loses because of the hold).
        DemandLine? loserBehind = null;
        for (var i = ranked.Length - 1; i >= 0; i--)
        {
            var change = after[i] - ranked[i].Allocated;
            if (change > 0) others[i] = loserBehind;
            if (change < 0 && !ranked[i].OrderOnHold && ranked[i].Open > 0) loserBehind = ranked[i];
        }

        var lines = new RedistributionLine[ranked.Length];
        for (var i = 0; i < lines.Length; i++) lines[i] = new RedistributionLine(ranked[i], after[i], pool.OnHand, others[i]);
        return new RedistributionPlan(pool.OnHand, before, total, lines);
    }
}
