namespace Portal.Domain.Allocation;

// A line as it stands now, with its projected ETA: what notice decisions compare with the last notified state.
public readonly record struct LineState(int Allocated, int Backordered, int Shipped, int Cancelled, DateOnly? EtaDate, EtaBasis Basis)
{
    public static LineState Of(DemandLine line, LineEta eta) => new(
        Math.Min(line.Allocated, line.Open), line.Backordered, line.Shipped, line.Cancelled, eta.EtaDate, eta.Basis);
}
