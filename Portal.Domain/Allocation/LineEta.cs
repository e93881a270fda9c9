namespace Portal.Domain.Allocation;

// A line's estimated ship date: the date of its last unit (docs/ship-dates.md#line-and-order-dates).
// Covering*, ExpectedDate and Overdue describe the PO line that completes the line's quantity (PurchaseOrder basis).
// UncoveredQuantity: backordered units beyond all open supply. QueuedBehindSupply: a lead-time date pushed back to the
// date of the last open PO, because goods already on order reach the orders ahead first.
public sealed record LineEta
{
    public required int LineId { get; init; }
    public DateOnly? EtaDate { get; init; }
    public EtaBasis Basis { get; init; }
    public int AllocatedQuantity { get; init; }
    public int BackorderedQuantity { get; init; }
    public int UncoveredQuantity { get; init; }
    public int? CoveringPoLineId { get; init; }
    public int? CoveringPoId { get; init; }
    public DateOnly? ExpectedDate { get; init; }
    public bool Overdue { get; init; }
    public bool OnHold { get; init; }
    public bool QueuedBehindSupply { get; init; }
    internal EtaTerms? Terms { get; init; }

    public string Explanation => EtaExplanation.Describe(this);
}
