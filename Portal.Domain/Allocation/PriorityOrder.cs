namespace Portal.Domain.Allocation;

// docs/allocation.md#priority: expedite first, tier ascending, requested ship date (earliest first, none last),
// placed time, order number, line number. LineId breaks a full tie only so that sorting is deterministic.
public static class PriorityOrder
{
    public static IComparer<DemandLine> Comparer { get; } = Comparer<DemandLine>.Create(Compare);

    public static int Compare(DemandLine a, DemandLine b)
    {
        var sign = Compare(a, b, out _);
        return sign != 0 ? sign : a.LineId.CompareTo(b.LineId);
    }

    public static PriorityKey DecidingKey(DemandLine a, DemandLine b)
    {
        Compare(a, b, out var key);
        return key;
    }

    // The lines sorted best first; the input is not touched. Every engine entry point ranks first, so this is
    // where malformed lines are refused.
    public static DemandLine[] Rank(IReadOnlyList<DemandLine> lines, IComparer<DemandLine>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var ranked = new DemandLine[lines.Count];
        for (var i = 0; i < ranked.Length; i++) ranked[i] = Guard(lines[i]);
        Array.Sort(ranked, comparer ?? Comparer);
        return ranked;
    }

    private static DemandLine Guard(DemandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Ordered < 0 || line.Allocated < 0 || line.Shipped < 0 || line.Cancelled < 0)
            throw new ArgumentException($"Line {line.LineId} has a negative quantity.", nameof(line));
        return line;
    }

    // Compares the priority class: the keys before placed time. A line entered now ranks last within it.
    internal static int CompareClass(DemandLine a, DemandLine b, out PriorityKey key)
    {
        key = PriorityKey.Expedite;
        if (a.Expedite != b.Expedite) return a.Expedite ? -1 : 1;

        key = PriorityKey.Tier;
        if (a.PriorityTier != b.PriorityTier) return a.PriorityTier.CompareTo(b.PriorityTier);

        key = PriorityKey.RequestedShipDate;
        if (a.RequestedShipDate != b.RequestedShipDate)
        {
            if (a.RequestedShipDate is not { } ra) return 1;
            if (b.RequestedShipDate is not { } rb) return -1;
            return ra.CompareTo(rb);
        }

        key = PriorityKey.None;
        return 0;
    }

    private static int Compare(DemandLine a, DemandLine b, out PriorityKey key)
    {
        var sign = CompareClass(a, b, out key);
        if (sign != 0) return sign;

        key = PriorityKey.PlacedAt;
        if (a.PlacedAt.UtcTicks != b.PlacedAt.UtcTicks) return a.PlacedAt.UtcTicks.CompareTo(b.PlacedAt.UtcTicks);

        key = PriorityKey.OrderNumber;
        if (a.OrderId != b.OrderId) return a.OrderId.CompareTo(b.OrderId);

        key = PriorityKey.LineNumber;
        if (a.LineNumber != b.LineNumber) return a.LineNumber.CompareTo(b.LineNumber);

        key = PriorityKey.None;
        return 0;
    }
}
