namespace Portal.Domain.Allocation;

// A line as it stands now, with its projected ETA: what notice decisions compare with the last notified state.
// Overdue: the date rests on a purchase order already late, counted as arriving today, so it slides with the calendar.
public readonly record struct LineState(
    int Allocated, int Backordered, int Shipped, int Cancelled, DateOnly? EtaDate, EtaBasis Basis, bool Overdue = false)
{
    public static LineState Of(DemandLine line, LineEta eta) => new(
        Math.Min(line.Allocated, line.Open), line.Backordered, line.Shipped, line.Cancelled, eta.EtaDate, eta.Basis, eta.Overdue);

    /// <summary>The date moves a business day every morning by itself: today + lead time, or a late PO counted as today.</summary>
    public bool SlidesWithCalendar => Basis == EtaBasis.LeadTime || Basis == EtaBasis.PurchaseOrder && Overdue;
}
