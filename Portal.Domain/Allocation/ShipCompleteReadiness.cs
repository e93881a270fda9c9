namespace Portal.Domain.Allocation;

// For each line of a ship-complete order in a pool: was every line of its order fully allocated as last notified,
// and is it after this run. Lines of the order in other pools come from OrdersElsewhere; an order missing there
// has no lines elsewhere. Null when the pool has no ship-complete line (the common case costs nothing).
internal static class ShipCompleteReadiness
{
    public static OrderReadiness?[]? Of(DemandLine[] ranked, int[] after, IReadOnlyList<OrderElsewhere>? elsewhere)
    {
        var count = 0;
        for (var i = 0; i < ranked.Length; i++) if (ranked[i].ShipComplete) count++;
        if (count == 0) return null;

        // Ship-complete lines grouped by order: sort their positions by order id, then walk each group twice.
        var positions = new int[count];
        count = 0;
        for (var i = 0; i < ranked.Length; i++) if (ranked[i].ShipComplete) positions[count++] = i;
        Array.Sort(positions, (a, b) => ranked[a].OrderId.CompareTo(ranked[b].OrderId));

        var others = elsewhere is { Count: > 0 } ? elsewhere.ToDictionary(e => e.OrderId) : null;
        var readiness = new OrderReadiness?[ranked.Length];
        for (var start = 0; start < positions.Length;)
        {
            var orderId = ranked[positions[start]].OrderId;
            var (was, now) = others is not null && others.TryGetValue(orderId, out var e) ? (e.WasFullyAllocated, e.IsFullyAllocated) : (true, true);
            var end = start;
            for (; end < positions.Length && ranked[positions[end]].OrderId == orderId; end++)
            {
                var line = ranked[positions[end]];
                was &= (line.LastNotified?.Backordered ?? 0) == 0;
                now &= line.Open - after[positions[end]] <= 0;
            }
            var order = new OrderReadiness(true, was, now);
            for (var k = start; k < end; k++) readiness[positions[k]] = order;
            start = end;
        }
        return readiness;
    }
}
