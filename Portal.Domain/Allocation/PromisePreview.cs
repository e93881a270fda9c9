namespace Portal.Domain.Allocation;

// docs/ship-dates.md#order-entry-preview: the same allocation and projection, run on the pool as if the unsaved lines
// were placed now.
// Automatic allocation never takes stock back, and waiting lines ahead are served first from available stock,
// so "ships now" is only what is left for the new line at its turn.
public static class PromisePreview
{
    public static LinePromise ForLine(
        PoolSnapshot pool, NewOrder order, int quantity, DateOnly today, BusinessCalendar calendar, EtaSettings settings) =>
        ForPool(new PoolLines(pool, [new NewLine(1, quantity)]), order, today, calendar, settings)[0];

    public static OrderPromise ForOrder(
        NewOrder order, IReadOnlyList<PoolLines> pools, DateOnly today, BusinessCalendar calendar, EtaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pools);
        var lines = pools.SelectMany(p => ForPool(p, order, today, calendar, settings))
            .OrderBy(l => l.LineNumber)
            .ToArray();
        return new OrderPromise(order.ShipComplete, lines);
    }

    private static LinePromise[] ForPool(PoolLines request, NewOrder order, DateOnly today, BusinessCalendar calendar, EtaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(order);
        var pool = request.Pool;
        if (request.Lines.Select(l => l.LineNumber).Distinct().Count() != request.Lines.Count)
            throw new ArgumentException("Unsaved lines need distinct line numbers.", nameof(request));
        var unsaved = request.Lines.Select(l => Unsaved(order, l)).ToArray();
        var ranked = PriorityOrder.Rank([.. pool.Lines, .. unsaved], new LastInClassComparer(unsaved));
        var pass = AllocationPass.Run(ranked, pool.OnHand);
        var etas = EtaWalk.Project(ranked, pass.After, pool.Supply, pool.LeadTimeDays, today, calendar, settings);

        var available = Math.Max(0, pool.Available);
        var promised = pool.TotalAllocated;
        var promises = new List<LinePromise>(unsaved.Length);
        var takenAhead = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            var line = ranked[i];
            if (!unsaved.Contains(line, ReferenceEqualityComparer.Instance))
            {
                takenAhead += pass.After[i] - line.Allocated;
                continue;
            }
            promises.Add(new LinePromise(line.LineNumber, line.Ordered, pass.After[i], etas[i], available, promised, takenAhead));
        }
        return promises.ToArray();
    }

    private static DemandLine Unsaved(NewOrder order, NewLine line)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(line.Quantity, nameof(line));
        // Order 0 and a negative line id mark a line that is not saved yet.
        return new DemandLine(-line.LineNumber, 0, line.LineNumber, order.Expedite, order.PriorityTier,
            order.RequestedShipDate, order.PlacedAt, order.ShipComplete, false, line.Quantity, 0, 0, 0);
    }
}
