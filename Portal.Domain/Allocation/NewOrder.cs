namespace Portal.Domain.Allocation;

// An order being entered, not saved yet. PlacedAt is "now" as the caller's clock says.
public sealed record NewOrder(int PriorityTier, bool Expedite, DateOnly? RequestedShipDate, DateTimeOffset PlacedAt, bool ShipComplete = false);

public sealed record NewLine(int LineNumber, int Quantity);

// The unsaved lines of one order that draw on one pool.
public sealed record PoolLines(PoolSnapshot Pool, IReadOnlyList<NewLine> Lines);
