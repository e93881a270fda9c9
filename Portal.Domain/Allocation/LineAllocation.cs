namespace Portal.Domain.Allocation;

// One line's outcome of an automatic allocation run. Other is the line that explains the outcome: the first line
// left short behind this one (when it got stock) or the closest line ahead that took the stock (when it waits).
// The explanation is worded only when read.
public sealed record LineAllocation(
    DemandLine Line,
    int AllocatedAfter,
    int OnHand,
    int PoolAvailable,
    int AvailableAtTurn,
    DemandLine? Other)
{
    public int LineId => Line.LineId;
    public int AllocatedBefore => Line.Allocated;
    public int Added => AllocatedAfter - Line.Allocated;
    public int BackorderedAfter => Math.Max(0, Line.Backordered - Added);
    public string Explanation => AllocationExplanation.Describe(this);
}
