namespace Portal.Domain.Allocation;

// The promise for a whole unsaved order, across pools. ShipCompleteDate is the latest line ETA, null when any line's
// date is unknown (docs/ship-dates.md#line-and-order-dates); it is the order's promise when the order ships complete.
public sealed record OrderPromise(bool ShipComplete, IReadOnlyList<LinePromise> Lines)
{
    public DateOnly? ShipCompleteDate => OrderEta.ShipCompleteDate(Lines.Select(l => l.Eta));

    public bool AllFromStock => Lines.All(l => l.Backordered == 0);
}
