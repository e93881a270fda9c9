namespace Portal.Domain.Allocation;

// A line a pool run changed: its allocation, what to remember as last notified, or events to send.
// Write AllocatedAfter and Notified, and queue Notices, in one transaction.
// Allocation explains the allocation outcome; it is built only when read.
public sealed record LineChange(
    DemandLine Line,
    int AllocatedAfter,
    NotifiedState Notified,
    IReadOnlyList<Notice> Notices,
    LineEta Eta)
{
    private readonly AllocationPass? _pass;
    private readonly int _rank;

    internal LineChange(DemandLine line, int allocatedAfter, NotifiedState notified, IReadOnlyList<Notice> notices, LineEta eta,
        AllocationPass pass, int rank)
        : this(line, allocatedAfter, notified, notices, eta)
    {
        _pass = pass;
        _rank = rank;
    }

    public int LineId => Line.LineId;
    public int OrderId => Line.OrderId;
    public int AllocatedBefore => Line.Allocated;
    public int Added => AllocatedAfter - Line.Allocated;

    public LineAllocation? Allocation => _pass?.Describe(_rank);
}
