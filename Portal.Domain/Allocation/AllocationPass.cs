namespace Portal.Domain.Allocation;

// docs/allocation.md#the-walk over lines already in priority order: each candidate gets min(Available, Backordered)
// until Available is 0. Existing allocations are kept (docs/allocation.md#never-take-back).
// Also remembers who was first left short, so explanations need no second walk.
internal sealed class AllocationPass
{
    private AllocationPass(DemandLine[] ranked, int onHand, int poolAvailable)
    {
        Ranked = ranked;
        OnHand = onHand;
        PoolAvailable = poolAvailable;
        After = new int[ranked.Length];
        AtTurn = new int[ranked.Length];
    }

    public DemandLine[] Ranked { get; }
    public int OnHand { get; }
    public int PoolAvailable { get; }   // OnHand − Σ Allocated before the run; negative when over-allocated
    public int AvailableAfter { get; private set; }
    public int[] After { get; }         // allocation per ranked line after the run
    public int[] AtTurn { get; }        // available stock when the line's turn came

    private int _firstShort = -1, _secondShort = -1, _lastReceiver = -1;

    public static AllocationPass Run(DemandLine[] ranked, int onHand)
    {
        var allocated = 0;
        for (var i = 0; i < ranked.Length; i++) allocated += ranked[i].Allocated;
        var pass = new AllocationPass(ranked, onHand, onHand - allocated);
        pass.Walk();
        return pass;
    }

    private void Walk()
    {
        // Over-allocated stock (negative Available) allocates nothing; the result says so.
        var available = Math.Max(0, PoolAvailable);
        for (var i = 0; i < Ranked.Length; i++)
        {
            var line = Ranked[i];
            After[i] = line.Allocated;
            AtTurn[i] = available;
            if (!line.IsCandidate) continue;

            var give = Math.Min(available, line.Backordered);
            After[i] += give;
            available -= give;
            if (give > 0) _lastReceiver = i;
            if (give < line.Backordered)
            {
                if (_firstShort < 0) _firstShort = i;
                else if (_secondShort < 0) _secondShort = i;
            }
        }
        AvailableAfter = available;
    }

    public LineAllocation Describe(int i)
    {
        var line = Ranked[i];
        var added = After[i] - line.Allocated;
        DemandLine? other = null;
        if (added > 0)
        {
            // A line that got stock is ahead of the first candidate left short after it.
            var behind = i < _firstShort ? _firstShort : i == _firstShort ? _secondShort : -1;
            if (behind >= 0) other = Ranked[behind];
        }
        else if (line.IsCandidate && PoolAvailable > 0 && _lastReceiver >= 0)
        {
            // Receivers form a prefix of the candidates, so the last one is the closest line ahead that took stock.
            other = Ranked[_lastReceiver];
        }
        return new LineAllocation(line, After[i], OnHand, PoolAvailable, AtTurn[i], other);
    }
}
