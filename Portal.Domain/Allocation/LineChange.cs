namespace Portal.Domain.Allocation;

// A line a pool run changed: its allocation, what to remember as last notified, or events to send.
// Write AllocatedAfter and Notified, and queue Notices, in one transaction.
// Only the engine makes one: Allocation (why the line got what it got) is worded from the run when read.
public sealed record LineChange
{
    private readonly AllocationPass _pass;
    private readonly int _rank;

    internal LineChange(DemandLine line, int allocatedAfter, NotifiedState notified, IReadOnlyList<Notice> notices, LineEta eta,
        AllocationPass pass, int rank)
    {
        Line = line;
        AllocatedAfter = allocatedAfter;
        Notified = notified;
        Notices = notices;
        Eta = eta;
        _pass = pass;
        _rank = rank;
    }

    public DemandLine Line { get; }
    public int AllocatedAfter { get; }
    public NotifiedState Notified { get; }
    public IReadOnlyList<Notice> Notices { get; }
    public LineEta Eta { get; }

    public int LineId => Line.LineId;
    public int OrderId => Line.OrderId;
    public int AllocatedBefore => Line.Allocated;
    public int Added => AllocatedAfter - Line.Allocated;

    public LineAllocation Allocation => _pass.Describe(_rank);
}
