using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/ship-dates.md#order-entry-preview: at order entry the projection runs on the unsaved order as if placed now, last in its priority class.
public class PromisePreviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);

    private static NewOrder Order(int tier, bool expedite = false, bool shipComplete = false) =>
        new(tier, expedite, null, Now, shipComplete);

    private static LinePromise Promise(PoolBuilder pool, NewOrder order, int quantity) =>
        PromisePreview.ForLine(pool.Build(), order, quantity, Day.Today, Day.Calendar, EtaSettings.Default);

    [Fact]
    public void New_line_ranks_last_in_its_priority_class_even_against_a_line_placed_later()
    {
        // SO-101 has the same class (tier 2, no requested date) and a placed time after "now": it still goes first.
        // Supply: PO-900 Tuesday Dec 1 (4), PO-812 Thursday Dec 3 (10). SO-101's 4 take PO-900; the new 3 take PO-812
        // → Dec 3 + 2 = Monday Dec 7. SO-103 (tier 3) ranks behind the new line, whatever its placed time.
        var promise = Promise(PoolBuilder.OnHand(0)
                .Line(101, 4, l => l.Tier(2).Placed(Now.AddHours(1)))
                .Line(103, 6, l => l.Tier(3).Placed(Day.Placed(8)))
                .Po(900, Day.Dec(1), 4)
                .Po(812, Day.Dec(3), 10),
            Order(tier: 2), 3);

        Assert.Equal(0, promise.ShipsNow);
        Assert.Equal(3, promise.Backordered);
        Assert.Equal(Day.Dec(7), promise.Eta.EtaDate);
        Assert.Equal(812, promise.Eta.CoveringPoId);
        Assert.Equal("None from stock now; 3: Waiting for PO-000812 due Thu 3 Dec 2026 (+1 receiving, +1 pick day)", promise.Explanation);
    }

    [Fact]
    public void Ships_now_only_what_is_left_after_waiting_lines_ahead_and_never_takes_back()
    {
        // 10 on hand − 3 allocated to SO-103 (tier 3, kept: an automatic run never takes back) = 7 available.
        // SO-102 (tier 1) still waits for 4 and comes first: 7 − 4 = 3 for the new tier-2 line of 5; 2 wait for PO-900
        // (Tuesday Dec 1 + 2 = Thursday Dec 3).
        var promise = Promise(PoolBuilder.OnHand(10)
                .Line(103, 3, l => l.Tier(3).Allocated(3))
                .Line(102, 4, l => l.Tier(1))
                .Po(900, Day.Dec(1), 10),
            Order(tier: 2), 5);

        Assert.Equal(3, promise.ShipsNow);
        Assert.Equal(2, promise.Backordered);
        Assert.Equal(7, promise.AvailableNow);
        Assert.Equal(3, promise.PromisedToOthers);
        Assert.Equal(4, promise.TakenByOrdersAhead);
        Assert.Equal(Day.Dec(3), promise.Eta.EtaDate);
        Assert.Equal("3 of 5 from stock now; the other 2: Waiting for PO-000900 due Tue 1 Dec 2026 (+1 receiving, +1 pick day)",
            promise.Explanation);
    }

    [Fact]
    public void Expedited_new_line_goes_ahead_of_waiting_lines()
    {
        // Expedite outranks SO-102's tier 1: the new line takes 5 of the 7 available.
        var promise = Promise(PoolBuilder.OnHand(10)
                .Line(103, 3, l => l.Tier(3).Allocated(3))
                .Line(102, 4, l => l.Tier(1)),
            Order(tier: 2, expedite: true), 5);

        Assert.Equal(5, promise.ShipsNow);
        Assert.Equal(EtaBasis.Allocated, promise.Eta.Basis);
        Assert.Equal(Day.Nov(19), promise.Eta.EtaDate); // Wednesday 18 + 1 pick day
        Assert.Equal("All 5 from stock; ships by Thu 19 Nov 2026", promise.Explanation);
    }

    [Fact]
    public void Nothing_from_stock_says_who_takes_the_available_units()
    {
        // 4 available all go to SO-102 (tier 1) ahead of the new tier-2 line; no PO, lead time 10 → Tuesday Dec 8.
        var promise = Promise(PoolBuilder.OnHand(4).Line(102, 4, l => l.Tier(1)).LeadTime(10), Order(tier: 2), 2);

        Assert.Equal(0, promise.ShipsNow);
        Assert.Equal(Day.Dec(8), promise.Eta.EtaDate);
        Assert.Equal("None from stock now (4 available go to earlier orders); 2: No purchase order yet: supplier lead time " +
                     "10 business days (+1 receiving, +1 pick day)", promise.Explanation);
    }

    [Fact]
    public void Order_preview_across_pools_gives_the_ship_complete_date_as_the_latest_line()
    {
        // Pool A: 4 on hand for lines 1 (3) and 2 (3) of the new order: line 1 takes 3, line 2 gets 1 and waits for 2
        // from PO-900 (→ Thursday Dec 3). Pool B: line 3 fully from stock (→ Thursday Nov 19).
        var poolA = new PoolLines(PoolBuilder.OnHand(4).Po(900, Day.Dec(1), 5).Build(), [new NewLine(1, 3), new NewLine(2, 3)]);
        var poolB = new PoolLines(PoolBuilder.OnHand(9).Build(), [new NewLine(3, 2)]);

        var promise = PromisePreview.ForOrder(Order(tier: 2, shipComplete: true), [poolB, poolA], Day.Today, Day.Calendar, EtaSettings.Default);

        Assert.Equal([1, 2, 3], promise.Lines.Select(l => l.LineNumber));
        Assert.Equal([3, 1, 2], promise.Lines.Select(l => l.ShipsNow));
        Assert.Equal(Day.Nov(19), promise.Lines[0].Eta.EtaDate);
        Assert.Equal(Day.Dec(3), promise.Lines[1].Eta.EtaDate);
        Assert.Equal(Day.Dec(3), promise.ShipCompleteDate);
        Assert.False(promise.AllFromStock);
    }

    [Fact]
    public void Order_preview_ship_complete_date_is_unknown_when_a_line_is()
    {
        var pool = new PoolLines(PoolBuilder.OnHand(1).Build(), [new NewLine(1, 3)]);

        var promise = PromisePreview.ForOrder(Order(tier: 1, shipComplete: true), [pool], Day.Today, Day.Calendar, EtaSettings.Default);

        Assert.Null(promise.ShipCompleteDate);
        Assert.Equal("1 of 3 from stock now; the other 2: Unknown: no purchase order and no supplier lead time",
            promise.Lines[0].Explanation);
    }
}
