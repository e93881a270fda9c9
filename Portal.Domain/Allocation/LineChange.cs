namespace Portal.Domain.Allocation;

// A line a pool run changed: its allocation, what to remember as last notified, or events to send.
// Write AllocatedAfter and Notified, and queue Notices, in one transaction.
public sealed record LineChange(
    DemandLine Line,
    int AllocatedAfter,
    NotifiedState Notified,
    IReadOnlyList<Notice> Notices,
    LineEta Eta,
    LineAllocation Allocation)
{
    public int LineId => Line.LineId;
    public int OrderId => Line.OrderId;
    public int AllocatedBefore => Line.Allocated;
    public int Added => AllocatedAfter - Line.Allocated;
}
