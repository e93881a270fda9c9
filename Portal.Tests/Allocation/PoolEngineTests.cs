using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// One call per pool: allocate, project, decide notices; report only what changed, plus every ETA.
public class PoolEngineTests
{
    private static PoolSnapshot SevenOnHandThreeLines() => PoolBuilder.OnHand(7)
        .Line(101, 3, l => l.Tier(1))
        .Line(102, 4, l => l.Tier(2))
        .Line(103, 2, l => l.Tier(3).Allocated(2))
        .Po(900, Day.Dec(1), 10)
        .Build();

    [Fact]
    public void One_run_allocates_projects_and_decides_notices()
    {
        // 7 on hand − 2 allocated to SO-103 = 5: SO-101 takes 3, SO-102 gets 2 of 4 and waits for 2 from PO-900
        // (Tuesday Dec 1 + 2 = Thursday Dec 3).
        var result = RunResults.Run(SevenOnHandThreeLines());

        Assert.Equal([101, 102], result.Changes.Select(c => c.OrderId)); // SO-103 did not change
        Assert.Equal(3, result.Line(101).Added);
        Assert.Empty(result.Line(101).Notices); // never backordered: nothing to tell
        Assert.Equal(2, result.Line(102).AllocatedAfter);
        Assert.Equal([new Notice(NoticeKind.Backordered, 2, Day.Dec(3))], result.Line(102).Notices);
        Assert.Equal(new NotifiedState(2, Day.Dec(3), EtaBasis.PurchaseOrder, 0, 0), result.Line(102).Notified);
        Assert.Equal("Got 2 of 4 from 2 available", result.Line(102).Allocation.Explanation);
        Assert.Equal("Waiting for PO-000900 due Tue 1 Dec 2026 (+1 receiving, +1 pick day)", result.Line(102).Eta.Explanation);

        Assert.Equal([Day.Nov(19), Day.Dec(3), Day.Nov(19)], result.Etas.Select(e => e.EtaDate)); // priority order
        Assert.Equal(0, result.AvailableAfter);
    }

    [Fact]
    public void Running_again_on_its_own_output_changes_nothing()
    {
        var pool = SevenOnHandThreeLines();
        var first = RunResults.Run(pool);

        var second = RunResults.Run(pool.Apply(first));

        Assert.Empty(second.Changes);
        Assert.Equal(first.Etas, second.Etas);
    }

    [Fact]
    public void Eta_drift_below_the_threshold_changes_only_the_eta_list()
    {
        // No PO, lead time 10. Wednesday 18: Tuesday Dec 8. Thursday 19: Wednesday Dec 9, one business day later.
        var pool = PoolBuilder.OnHand(0).Line(101, 3).LeadTime(10).Build();
        var told = pool.Apply(RunResults.Run(pool));

        var nextDay = RunResults.Run(told, Day.Nov(19), new NoticeSettings(2));

        Assert.Empty(nextDay.Changes);
        Assert.Equal(Day.Dec(9), nextDay.Etas[0].EtaDate);
    }

    [Fact]
    public void Ship_complete_order_in_two_pools_is_ready_when_the_last_pool_fills_it()
    {
        // Line 1 of SO-101 was fully allocated in another pool; line 2 (told: 3 wait) now finds 3 on hand here.
        var line2 = new LineBuilder(101, 2).Ordered(3).ShipComplete()
            .Notified(new NotifiedState(3, Day.Dec(3), EtaBasis.PurchaseOrder, 0, 0));

        var ready = RunResults.Run(PoolBuilder.OnHand(3).Line(line2.Build()).Elsewhere(101, was: true, isNow: true).Build());
        var otherLineShort = RunResults.Run(PoolBuilder.OnHand(3).Line(line2.Build()).Elsewhere(101, was: false, isNow: false).Build());

        Assert.Equal([new Notice(NoticeKind.ReadyToShip, 3)], ready.Line(101, 2).Notices);
        Assert.Empty(otherLineShort.Line(101, 2).Notices);
        Assert.Equal(3, otherLineShort.Line(101, 2).AllocatedAfter); // it still allocates like any other line
    }

    [Fact]
    public void Ship_complete_order_within_one_pool_is_ready_when_its_last_line_is_allocated()
    {
        var told = new NotifiedState(2, Day.Dec(3), EtaBasis.PurchaseOrder, 0, 0);
        var result = RunResults.Run(PoolBuilder.OnHand(5)
            .Line(101, 1, 3, l => l.ShipComplete().Allocated(3))
            .Line(101, 2, 2, l => l.ShipComplete().Notified(told))
            .Build());

        // 5 − 3 = 2 available fill line 2: the whole order is allocated, both lines are ready.
        Assert.Equal([new Notice(NoticeKind.ReadyToShip, 3)], result.Line(101, 1).Notices);
        Assert.Equal([new Notice(NoticeKind.ReadyToShip, 2)], result.Line(101, 2).Notices);
    }

    [Fact]
    public void Shipment_recorded_since_the_last_run_is_announced()
    {
        var result = RunResults.Run(PoolBuilder.OnHand(3).Line(101, 5, l => l.Shipped(2).Allocated(3)).Build());

        Assert.Equal([new Notice(NoticeKind.Shipped, 2)], result.Line(101).Notices);
        Assert.Equal(new NotifiedState(0, null, EtaBasis.None, 2, 0), result.Line(101).Notified);
    }

    [Fact]
    public void Over_allocated_pool_is_reported_and_nothing_moves()
    {
        var result = RunResults.Run(PoolBuilder.OnHand(2).Line(101, 3, l => l.Allocated(3)).Line(102, 1).Build());

        Assert.True(result.OverAllocated);
        Assert.Equal(-1, result.AvailableBefore);
        Assert.Equal(0, result.Line(102).Added);
        Assert.Equal(NoticeKind.Backordered, result.Line(102).Notices.Single().Kind);
    }
}
