namespace Portal.Domain.Allocation;

// docs/customer-notices.md#events: which events a line's change causes.
// - Backordered: the backordered quantity grew (from 0, or more units now wait), with the ETA or why it is unknown.
//   It carries the date, so it replaces EtaMoved/EtaUnknown in the same decision.
// - EtaMoved: still backordered and the ETA moved at least the threshold in business days, later or earlier,
//   measured from the last announced date, so small moves that add up are announced once they reach it;
//   an ETA that was unknown and now has a date counts as moved. A lead-time date sliding with the calendar has a
//   higher threshold (NoticeSettings.LeadTimeMoveThresholdBusinessDays).
// - EtaUnknown: still backordered and the ETA became unknown.
// - ReadyToShip: partial-ship order: the line's backorder reached 0 and not all of it by cancellation;
//   ship-complete order: every allocated line, when the whole order becomes allocated.
// - Shipped: shipped quantity grew. BackorderCancelled: cancelled quantity grew, backordered or allocated units alike
//   (the name is stored in the outbox and predates cancelling allocated units).
public static class NoticeRules
{
    public static NoticeDecision Decide(
        NotifiedState? previous, LineState current, OrderReadiness order, BusinessCalendar calendar, NoticeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.EtaMoveThresholdBusinessDays, 1, nameof(settings));

        var prev = previous ?? NotifiedState.Nothing;
        var notices = new NoticeBuffer();
        var etaAnnounced = false;

        if (current.Backordered > prev.Backordered)
        {
            notices.Add(new Notice(NoticeKind.Backordered, current.Backordered, current.EtaDate));
            etaAnnounced = true;
        }
        else if (current.Backordered > 0 && prev.Backordered > 0)
        {
            if (current.Basis == EtaBasis.Unknown)
            {
                if (prev.Basis != EtaBasis.Unknown)
                {
                    notices.Add(new Notice(NoticeKind.EtaUnknown, current.Backordered, null, prev.EtaDate));
                    etaAnnounced = true;
                }
            }
            else if (current.EtaDate is { } now)
            {
                if (prev.EtaDate is not { } before)
                {
                    notices.Add(new Notice(NoticeKind.EtaMoved, current.Backordered, now));
                    etaAnnounced = true;
                }
                else
                {
                    var moved = calendar.BusinessDaysBetween(before, now);
                    if (Math.Abs(moved) >= settings.ThresholdFor(prev.Basis, current.Basis))
                    {
                        notices.Add(new Notice(NoticeKind.EtaMoved, current.Backordered, now, before, moved));
                        etaAnnounced = true;
                    }
                }
            }
        }

        var cancelled = Math.Max(0, current.Cancelled - prev.Cancelled);
        if (IsReady(prev, current, order, cancelled))
            notices.Add(new Notice(NoticeKind.ReadyToShip, current.Allocated));

        var shipped = current.Shipped - prev.Shipped;
        if (shipped > 0)
            notices.Add(new Notice(NoticeKind.Shipped, shipped));

        if (cancelled > 0)
            notices.Add(new Notice(NoticeKind.BackorderCancelled, cancelled));

        return new NoticeDecision(notices.ToArray(), Remember(prev, current, etaAnnounced));
    }

    private static bool IsReady(NotifiedState prev, LineState current, OrderReadiness order, int cancelled)
    {
        if (current.Basis != EtaBasis.Allocated) return false;
        if (order.ShipComplete) return !order.WasFullyAllocated && order.IsFullyAllocated;
        return prev.Backordered > 0 && current.Backordered == 0 && cancelled < prev.Backordered;
    }

    // Quantities are always remembered; the ETA only once announced, so the threshold counts from what the customer
    // was told. Returns the previous instance when nothing changed, so callers can compare by reference.
    private static NotifiedState Remember(NotifiedState prev, LineState current, bool etaAnnounced)
    {
        var backordered = current.Backordered;
        var (date, basis) = backordered == 0 ? (null, EtaBasis.None)
            : etaAnnounced ? (current.EtaDate, current.Basis)
            : (prev.EtaDate, prev.Basis);
        var same = prev.Backordered == backordered && prev.EtaDate == date && prev.Basis == basis
                   && prev.Shipped == current.Shipped && prev.Cancelled == current.Cancelled;
        return same ? prev : new NotifiedState(backordered, date, basis, current.Shipped, current.Cancelled);
    }
}
