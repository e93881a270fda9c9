using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/ship-dates.md#the-projection-walk: backordered lines, in allocation priority order, consume open PO lines earliest expected date
// first, then PO number; a line's ETA is the expected date of the PO line completing its cumulative quantity
// + ReceivingDays + PickDays. An overdue PO line counts as arriving today and is flagged.
public class EtaPurchaseOrderTests
{
    [Fact]
    public void Backordered_lines_take_incoming_supply_in_priority_order()
    {
        var etas = Eta.Project(PoolBuilder.OnHand(0)
            .Line(101, 3, l => l.Tier(1))
            .Line(102, 5, l => l.Tier(2))
            .Line(103, 6, l => l.Tier(3))
            .Po(812, Day.Dec(3), 10)
            .Po(900, Day.Dec(1), 4));

        // Supply by date: PO-900 (Tuesday Dec 1, 4 units), then PO-812 (Thursday Dec 3, 10 units).
        // SO-101: cumulative 3 ≤ 4 → PO-900; Dec 1 + 2 business days = Thursday Dec 3.
        Assert.Equal(Day.Dec(3), etas.Line(101).EtaDate);
        Assert.Equal(900, etas.Line(101).CoveringPoId);
        Assert.Equal(90001, etas.Line(101).CoveringPoLineId);
        Assert.Equal(Day.Dec(1), etas.Line(101).ExpectedDate);
        Assert.Equal("Waiting for PO-000900 due Tue 1 Dec 2026 (+1 receiving, +1 pick day)", etas.Line(101).Explanation);
        // SO-102: cumulative 8 > 4 → PO-812 completes it; Thursday Dec 3 + 2 = Friday 4 (1), Monday 7 (2).
        Assert.Equal(Day.Dec(7), etas.Line(102).EtaDate);
        Assert.Equal(812, etas.Line(102).CoveringPoId);
        // SO-103: cumulative 14 = 4 + 10, exactly the end of PO-812 → Monday Dec 7.
        Assert.Equal(Day.Dec(7), etas.Line(103).EtaDate);
        Assert.All(etas, e => Assert.Equal(EtaBasis.PurchaseOrder, e.Basis));
        Assert.All(etas, e => Assert.False(e.Overdue));
    }

    [Fact]
    public void Po_lines_due_the_same_day_are_used_by_po_number()
    {
        var etas = Eta.Project(PoolBuilder.OnHand(0)
            .Line(101, 2, l => l.Tier(1))
            .Line(102, 1, l => l.Tier(2))
            .Po(700, Day.Dec(1), 2)
            .Po(600, Day.Dec(1), 2));

        // PO-600 before PO-700: SO-101's 2 use up PO-600, SO-102's 1 (cumulative 3) falls to PO-700.
        Assert.Equal(600, etas.Line(101).CoveringPoId);
        Assert.Equal(700, etas.Line(102).CoveringPoId);
    }

    [Fact]
    public void Overdue_po_counts_as_arriving_today_and_is_flagged()
    {
        // PO-500 was due Tuesday Nov 10: counted as arriving today, Wednesday 18; + 2 → Friday 20.
        var eta = Eta.Project(PoolBuilder.OnHand(0).Line(101, 5).Po(500, Day.Nov(10), 5)).Line(101);

        Assert.Equal(Day.Nov(20), eta.EtaDate);
        Assert.True(eta.Overdue);
        Assert.Equal(Day.Nov(10), eta.ExpectedDate);
        Assert.Equal("Waiting for PO-000500, overdue since Tue 10 Nov 2026, counted as arriving today (+1 receiving, +1 pick day)",
            eta.Explanation);
    }

    [Fact]
    public void Overdue_po_lines_still_go_by_expected_date_then_po_number()
    {
        var etas = Eta.Project(PoolBuilder.OnHand(0)
            .Line(101, 1, l => l.Tier(1))
            .Line(102, 1, l => l.Tier(2))
            .Po(100, Day.Nov(12), 1)
            .Po(900, Day.Nov(10), 1));

        // Both count as arriving today; PO-900 was due first, so it serves SO-101.
        Assert.Equal(900, etas.Line(101).CoveringPoId);
        Assert.Equal(100, etas.Line(102).CoveringPoId);
    }

    [Fact]
    public void Po_due_on_a_Saturday_is_received_and_picked_on_the_next_business_days()
    {
        // Saturday Nov 21 + 2: Monday 23 (1), Tuesday 24 (2).
        var eta = Eta.Project(PoolBuilder.OnHand(0).Line(101, 5).Po(812, Day.Nov(21), 5)).Line(101);

        Assert.Equal(Day.Nov(24), eta.EtaDate);
    }

    [Fact]
    public void Po_due_before_the_holidays_is_received_after_them()
    {
        // Wednesday Nov 25 + 2: Thursday 26 and Friday 27 are holidays → Monday 30 (1), Tuesday Dec 1 (2).
        var eta = Eta.Project(PoolBuilder.OnHand(0).Line(101, 5).Po(812, Day.Nov(25), 5)).Line(101);

        Assert.Equal(Day.Dec(1), eta.EtaDate);
    }

    [Fact]
    public void Receiving_and_pick_days_come_from_the_settings()
    {
        // Tuesday Dec 1 + 2 receiving + 3 pick = 5 business days: Wed 2, Thu 3, Fri 4, Mon 7, Tue 8.
        var eta = Eta.Project(PoolBuilder.OnHand(0).Line(101, 5).Po(812, Day.Dec(1), 5), new EtaSettings(PickDays: 3, ReceivingDays: 2)).Line(101);

        Assert.Equal(Day.Dec(8), eta.EtaDate);
        Assert.Equal("Waiting for PO-000812 due Tue 1 Dec 2026 (+2 receiving, +3 pick days)", eta.Explanation);
    }

    [Fact]
    public void Only_backordered_units_consume_supply()
    {
        // SO-101 has 5 of 8 allocated, so it takes 3 of PO-900's 4; SO-102's 1 is the 4th → still PO-900.
        var etas = Eta.Project(PoolBuilder.OnHand(5)
            .Line(101, 8, l => l.Tier(1).Allocated(5))
            .Line(102, 1, l => l.Tier(2))
            .Po(900, Day.Dec(1), 4)
            .Po(812, Day.Dec(3), 10));

        Assert.Equal(900, etas.Line(102).CoveringPoId);
    }

    [Fact]
    public void Po_lines_with_nothing_open_are_ignored()
    {
        var eta = Eta.Project(PoolBuilder.OnHand(0).Line(101, 2).Po(100, Day.Nov(20), 0).Po(200, Day.Nov(23), -3).Po(300, Day.Dec(1), 2)).Line(101);

        Assert.Equal(300, eta.CoveringPoId);
    }

    [Fact]
    public void On_hold_lines_are_projected_after_every_open_line()
    {
        // SO-101 (tier 1) is on hold: open SO-102 (tier 3) takes PO-900 first (→ Thursday Dec 3);
        // SO-101 gets what is left, PO-812 (→ Monday Dec 7), and says it is on hold.
        var etas = Eta.Project(PoolBuilder.OnHand(0)
            .Line(101, 4, l => l.Tier(1).OnHold())
            .Line(102, 4, l => l.Tier(3))
            .Po(900, Day.Dec(1), 4)
            .Po(812, Day.Dec(3), 10));

        Assert.Equal(Day.Dec(3), etas.Line(102).EtaDate);
        Assert.Equal(Day.Dec(7), etas.Line(101).EtaDate);
        Assert.True(etas.Line(101).OnHold);
        Assert.Equal("Order on hold; once released: Waiting for PO-000812 due Thu 3 Dec 2026 (+1 receiving, +1 pick day)",
            etas.Line(101).Explanation);
    }
}
