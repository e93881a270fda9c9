using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/customer-notices.md#events: which events a line's change causes.
public class NoticeRulesTests
{
    private static readonly OrderReadiness Partial = OrderReadiness.PartialShip;

    private static NotifiedState Told(int backordered, DateOnly? eta = null, EtaBasis basis = EtaBasis.PurchaseOrder, int shipped = 0, int cancelled = 0) =>
        new(backordered, eta, backordered == 0 ? EtaBasis.None : basis, shipped, cancelled);

    private static LineState Waiting(int backordered, DateOnly? eta, EtaBasis basis = EtaBasis.PurchaseOrder, int allocated = 0, int cancelled = 0) =>
        new(allocated, backordered, 0, cancelled, eta, eta is null ? EtaBasis.Unknown : basis);

    private static LineState Allocated(int allocated, int shipped = 0, int cancelled = 0) =>
        new(allocated, 0, shipped, cancelled, Day.Nov(19), EtaBasis.Allocated);

    private static NoticeDecision Decide(NotifiedState? told, LineState now, int threshold = 1, OrderReadiness? order = null) =>
        NoticeRules.Decide(told, now, order ?? Partial, Day.Calendar, new NoticeSettings(threshold));

    [Fact]
    public void Newly_backordered_line_is_announced_with_its_eta()
    {
        var decision = Decide(null, Waiting(3, Day.Dec(3)));

        Assert.Equal([new Notice(NoticeKind.Backordered, 3, Day.Dec(3))], decision.Notices);
        Assert.Equal(new NotifiedState(3, Day.Dec(3), EtaBasis.PurchaseOrder, 0, 0), decision.Next);
    }

    [Fact]
    public void A_lead_time_date_sliding_with_the_calendar_is_announced_weekly_not_daily()
    {
        // No PO yet: told Thursday Dec 3 (today + lead time). Each morning the date slides a business day.
        var told = Told(3, Day.Dec(3), EtaBasis.LeadTime);

        Assert.Empty(Decide(told, Waiting(3, Day.Dec(4), EtaBasis.LeadTime)).Notices);  // +1 business day
        Assert.Empty(Decide(told, Waiting(3, Day.Dec(9), EtaBasis.LeadTime)).Notices);  // +4 (Fri 4, Mon 7, Tue 8, Wed 9)
        var weekLater = Decide(told, Waiting(3, Day.Dec(10), EtaBasis.LeadTime));    // +5: a week's slide is news
        Assert.Equal([new Notice(NoticeKind.EtaMoved, 3, Day.Dec(10), Day.Dec(3), 5)], weekLater.Notices);
    }

    [Fact]
    public void A_lead_time_date_replaced_by_a_purchase_order_date_is_announced_at_the_normal_threshold()
    {
        var decision = Decide(Told(3, Day.Dec(3), EtaBasis.LeadTime), Waiting(3, Day.Dec(4), EtaBasis.PurchaseOrder));

        Assert.Equal([new Notice(NoticeKind.EtaMoved, 3, Day.Dec(4), Day.Dec(3), 1)], decision.Notices);
    }

    [Fact]
    public void More_units_backordered_is_announced_again()
    {
        // Told 3 wait until Dec 3; now 5 wait (the rep raised the quantity).
        var decision = Decide(Told(3, Day.Dec(3)), Waiting(5, Day.Dec(3)));

        Assert.Equal([new Notice(NoticeKind.Backordered, 5, Day.Dec(3))], decision.Notices);
    }

    [Fact]
    public void Fully_allocated_new_line_causes_no_event_and_nothing_to_remember()
    {
        var decision = Decide(null, Allocated(5));

        Assert.Empty(decision.Notices);
        Assert.Same(NotifiedState.Nothing, decision.Next);
    }

    [Fact]
    public void Eta_moved_later_by_the_threshold_is_announced()
    {
        // Thursday Dec 3 → Friday Dec 4: +1 business day ≥ 1.
        var decision = Decide(Told(3, Day.Dec(3)), Waiting(3, Day.Dec(4)));

        Assert.Equal([new Notice(NoticeKind.EtaMoved, 3, Day.Dec(4), Day.Dec(3), 1)], decision.Notices);
        Assert.Equal(Day.Dec(4), decision.Next.EtaDate);
    }

    [Fact]
    public void Eta_moved_earlier_by_the_threshold_is_announced()
    {
        // Monday Dec 7 → Thursday Dec 3: −2 business days (Fri 4, Mon 7), threshold 2.
        var decision = Decide(Told(3, Day.Dec(7)), Waiting(3, Day.Dec(3)), threshold: 2);

        Assert.Equal([new Notice(NoticeKind.EtaMoved, 3, Day.Dec(3), Day.Dec(7), -2)], decision.Notices);
    }

    [Fact]
    public void Eta_moved_less_than_the_threshold_in_either_direction_is_not_announced_and_not_remembered()
    {
        // Threshold 3: Thursday Dec 3 → Monday Dec 7 is +2, → Tuesday Dec 1 is −2.
        var later = Decide(Told(3, Day.Dec(3)), Waiting(3, Day.Dec(7)), threshold: 3);
        var earlier = Decide(Told(3, Day.Dec(3)), Waiting(3, Day.Dec(1)), threshold: 3);

        Assert.Empty(later.Notices);
        Assert.Empty(earlier.Notices);
        Assert.Equal(Day.Dec(3), later.Next.EtaDate); // still what the customer was told
    }

    [Fact]
    public void Small_moves_add_up_until_they_reach_the_threshold()
    {
        // Threshold 2, told Thursday Dec 3. Friday Dec 4 (+1): nothing. Then Monday Dec 7: +2 from what was told.
        var first = Decide(Told(3, Day.Dec(3)), Waiting(3, Day.Dec(4)), threshold: 2);
        var second = NoticeRules.Decide(first.Next, Waiting(3, Day.Dec(7)), Partial, Day.Calendar, new NoticeSettings(2));

        Assert.Empty(first.Notices);
        Assert.Equal([new Notice(NoticeKind.EtaMoved, 3, Day.Dec(7), Day.Dec(3), 2)], second.Notices);
    }

    [Fact]
    public void Eta_move_is_counted_in_business_days()
    {
        // Wednesday Nov 25 → Monday Nov 30 is five calendar days but one business day (Thursday and Friday are holidays).
        var decision = Decide(Told(3, Day.Nov(25)), Waiting(3, Day.Nov(30)), threshold: 2);

        Assert.Empty(decision.Notices);
    }

    [Fact]
    public void Eta_that_becomes_unknown_is_announced_once()
    {
        var decision = Decide(Told(3, Day.Dec(3)), Waiting(3, null));
        var again = Decide(decision.Next, Waiting(3, null));

        Assert.Equal([new Notice(NoticeKind.EtaUnknown, 3, null, Day.Dec(3))], decision.Notices);
        Assert.Equal(EtaBasis.Unknown, decision.Next.Basis);
        Assert.Empty(again.Notices);
    }

    [Fact]
    public void Eta_that_becomes_known_again_counts_as_moved()
    {
        var decision = Decide(Told(3, null, EtaBasis.Unknown), Waiting(3, Day.Dec(8), EtaBasis.LeadTime));

        Assert.Equal([new Notice(NoticeKind.EtaMoved, 3, Day.Dec(8))], decision.Notices);
    }

    [Fact]
    public void Backorder_reaching_zero_is_ready_to_ship()
    {
        // Told 3 wait; now all 8 are allocated.
        var decision = Decide(Told(3, Day.Dec(3)), Allocated(8));

        Assert.Equal([new Notice(NoticeKind.ReadyToShip, 8)], decision.Notices);
        Assert.Equal(NotifiedState.Nothing, decision.Next);
    }

    [Fact]
    public void Backorder_cancelled_to_zero_is_a_cancellation_not_ready_to_ship()
    {
        // Told 3 wait; the 3 were cancelled, the 5 allocated before are still there.
        var decision = Decide(Told(3, Day.Dec(3)), Allocated(5, cancelled: 3));

        Assert.Equal([new Notice(NoticeKind.BackorderCancelled, 3)], decision.Notices);
    }

    [Fact]
    public void Part_of_a_backorder_cancelled_is_announced_with_the_cancelled_quantity()
    {
        var decision = Decide(Told(4, Day.Dec(3)), Waiting(2, Day.Dec(3), cancelled: 2));

        Assert.Equal([new Notice(NoticeKind.BackorderCancelled, 2)], decision.Notices);
        Assert.Equal(2, decision.Next.Cancelled);
    }

    [Fact]
    public void Cancelling_allocated_units_is_announced_too()
    {
        // Nothing was waiting; the rep cancelled 2 of the 5 reserved units at the customer's request.
        var decision = Decide(Told(0), Allocated(3, cancelled: 2));

        Assert.Equal([new Notice(NoticeKind.BackorderCancelled, 2)], decision.Notices);
        Assert.Equal(2, decision.Next.Cancelled);
    }

    [Fact]
    public void Shipped_units_are_announced()
    {
        var decision = Decide(Told(0, shipped: 2), Allocated(3, shipped: 5));

        Assert.Equal([new Notice(NoticeKind.Shipped, 3)], decision.Notices);
    }

    [Fact]
    public void Ship_complete_line_is_ready_only_when_the_whole_order_is_allocated()
    {
        // Line allocated, but another line of the order still waits: nothing yet.
        var waitingOrder = Decide(Told(3, Day.Dec(3)), Allocated(8), order: new OrderReadiness(true, false, false));
        // The last line of the order is allocated: every allocated line is ready, even one that never waited.
        var neverWaited = Decide(Told(0), Allocated(2), order: new OrderReadiness(true, false, true));
        // Already announced as a whole: nothing again.
        var alreadyReady = Decide(Told(0), Allocated(2), order: new OrderReadiness(true, true, true));

        Assert.Empty(waitingOrder.Notices);
        Assert.Equal([new Notice(NoticeKind.ReadyToShip, 2)], neverWaited.Notices);
        Assert.Empty(alreadyReady.Notices);
    }

    [Fact]
    public void Threshold_below_one_business_day_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Decide(null, Allocated(1), threshold: 0));
}
