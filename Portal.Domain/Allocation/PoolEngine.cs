namespace Portal.Domain.Allocation;

// One call per pool: automatic allocation, ETA projection and notice decisions. Deterministic, and idempotent:
// applying the changes (AllocatedAfter, Notified) and running again changes nothing.
public static class PoolEngine
{
    public static PoolRunResult Run(
        PoolSnapshot pool, DateOnly today, BusinessCalendar calendar, EtaSettings eta, NoticeSettings notices)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var ranked = PriorityOrder.Rank(pool.Lines);
        var pass = AllocationPass.Run(ranked, pool.OnHand);
        var etas = EtaWalk.Project(ranked, pass.After, pool.Supply, pool.LeadTimeDays, today, calendar, eta);
        var readiness = ShipCompleteReadiness.Of(ranked, pass.After, pool.OrdersElsewhere);

        List<LineChange>? changes = null;
        for (var i = 0; i < ranked.Length; i++)
        {
            var line = ranked[i];
            var after = pass.After[i];
            var now = new LineState(
                Math.Min(after, line.Open), Math.Max(0, line.Open - after), line.Shipped, line.Cancelled, etas[i].EtaDate, etas[i].Basis);
            var order = readiness?[i] ?? OrderReadiness.PartialShip;
            var previous = line.LastNotified ?? NotifiedState.Nothing;
            var decision = NoticeRules.Decide(previous, now, order, calendar, notices);

            if (after == line.Allocated && decision.Notices.Count == 0 && ReferenceEquals(decision.Next, previous)) continue;
            (changes ??= []).Add(new LineChange(line, after, decision.Next, decision.Notices, etas[i], pass, i));
        }
        return new PoolRunResult(pass.PoolAvailable, pass.AvailableAfter, (IReadOnlyList<LineChange>?)changes ?? [], etas);
    }
}
