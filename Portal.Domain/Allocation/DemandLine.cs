namespace Portal.Domain.Allocation;

// A sales order line as the engine sees it. Order-level facts (tier, expedite, placed, hold, ship-complete)
// are copied onto each line so one pool needs no order lookup. Allocated is the current unshipped allocation.
// LastNotified is what the customer was last told about this line (null: nothing yet).
public sealed record DemandLine(
    int LineId,
    int OrderId,
    int LineNumber,
    bool Expedite,
    int PriorityTier,
    DateOnly? RequestedShipDate,
    DateTimeOffset PlacedAt,
    bool ShipComplete,
    bool OrderOnHold,
    int Ordered,
    int Allocated,
    int Shipped,
    int Cancelled,
    NotifiedState? LastNotified = null)
{
    // Neither shipped nor cancelled: what the line still owes the customer.
    public int Open => Math.Max(0, Ordered - Shipped - Cancelled);

    public int Backordered => Math.Max(0, Ordered - Allocated - Shipped - Cancelled);

    public bool IsCandidate => !OrderOnHold && Backordered > 0;
}
