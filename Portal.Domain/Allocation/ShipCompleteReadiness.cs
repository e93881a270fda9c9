namespace Portal.Domain.Allocation;

// For each ship-complete order in a pool: was every line fully allocated as last notified, and is it after this run.
// Lines of the order in other pools come from OrdersElsewhere; an order missing there has no lines elsewhere.
internal static class ShipCompleteReadiness
{
    public static Dictionary<int, OrderReadiness>? Of(DemandLine[] ranked, int[] after, IReadOnlyList<OrderElsewhere>? elsewhere)
    {
        Dictionary<int, (bool Was, bool Is)>? orders = null;
        for (var i = 0; i < ranked.Length; i++)
        {
            var line = ranked[i];
            if (!line.ShipComplete) continue;
            orders ??= Seed(elsewhere);
            var (was, now) = orders.TryGetValue(line.OrderId, out var o) ? o : (true, true);
            was &= (line.LastNotified?.Backordered ?? 0) == 0;
            now &= line.Open - after[i] <= 0;
            orders[line.OrderId] = (was, now);
        }
        return orders?.ToDictionary(o => o.Key, o => new OrderReadiness(true, o.Value.Was, o.Value.Is));
    }

    private static Dictionary<int, (bool, bool)> Seed(IReadOnlyList<OrderElsewhere>? elsewhere)
    {
        var orders = new Dictionary<int, (bool, bool)>();
        if (elsewhere is null) return orders;
        foreach (var e in elsewhere) orders[e.OrderId] = (e.WasFullyAllocated, e.IsFullyAllocated);
        return orders;
    }
}
