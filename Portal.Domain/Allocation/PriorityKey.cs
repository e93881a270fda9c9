namespace Portal.Domain.Allocation;

// The key of the priority order (docs/allocation.md#priority) that separated two lines, first wins.
// None: equal on every key.
public enum PriorityKey
{
    None = 0,
    Expedite,
    Tier,
    RequestedShipDate,
    PlacedAt,
    OrderNumber,
    LineNumber,
}
