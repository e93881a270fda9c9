namespace Portal.Domain.Allocation;

// The promise for a whole unsaved order, across pools. ShipCompleteDate is the latest line ETA (DESIGN ETA rule 4),
// null when any line's date is unknown; it is the order's promise when the order ships complete.
public sealed record OrderPromise(bool ShipComplete, IReadOnlyList<LinePromise> Lines)
{
    public DateOnly? ShipCompleteDate => OrderEta.ShipCompleteDate(Lines.Select(l => l.Eta));

    public bool AllFromStock => Lines.All(l => l.Backordered == 0);
}
