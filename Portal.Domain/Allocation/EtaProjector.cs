namespace Portal.Domain.Allocation;

// Estimated ship dates for every line of a pool, from the allocations as they stand (run Allocator first, or use
// PoolEngine, which does both). Results are in priority order.
public static class EtaProjector
{
    public static IReadOnlyList<LineEta> Project(PoolSnapshot pool, DateOnly today, BusinessCalendar calendar, EtaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var ranked = PriorityOrder.Rank(pool.Lines);
        var allocated = new int[ranked.Length];
        for (var i = 0; i < ranked.Length; i++) allocated[i] = ranked[i].Allocated;
        return EtaWalk.Project(ranked, allocated, pool.Supply, pool.LeadTimeDays, today, calendar, settings);
    }
}
