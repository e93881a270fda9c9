using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/allocation.md#ship-complete-orders: a ship-complete order allocates like any other but is released to the warehouse only when
// every line is fully allocated; a partial-ship order releases each allocated quantity.
public class ShipCompleteReleaseTests
{
    [Fact]
    public void Partial_ship_order_releases_what_is_allocated()
    {
        var decision = ReleaseRule.ForOrder([
            new LineBuilder(101, 1).Ordered(8).Allocated(5).Build(), // 3 still waiting
            new LineBuilder(101, 2).Ordered(2).Build(),              // nothing allocated
        ]);

        Assert.True(decision.Releasable);
        Assert.Equal([new LineRelease(LineBuilder.IdOf(101, 1), 5)], decision.Lines);
        Assert.Equal("Release 5 units", decision.Reason);
    }

    [Fact]
    public void Ship_complete_order_allocates_like_any_other_but_waits_for_every_line()
    {
        // Pool A has 5 for line 1 (needs 5); pool B has 2 for line 2 (needs 3).
        var line1 = new LineBuilder(101, 1).Ordered(5).ShipComplete().Build();
        var line2 = new LineBuilder(101, 2).Ordered(3).ShipComplete().Build();
        var poolA = Allocator.Allocate(PoolBuilder.OnHand(5).Line(line1).Build());
        var poolB = Allocator.Allocate(PoolBuilder.OnHand(2).Line(line2).Build());

        Assert.Equal(5, poolA.Line(101, 1).Added); // allocates like any other line
        Assert.Equal(2, poolB.Line(101, 2).Added);

        var decision = ReleaseRule.ForOrder([line1 with { Allocated = 5 }, line2 with { Allocated = 2 }]);
        Assert.False(decision.Releasable);
        Assert.Empty(decision.Lines);
        Assert.Equal("Ship-complete: waiting for 1 unit on 1 line", decision.Reason);
    }

    [Fact]
    public void Ship_complete_order_is_released_once_every_line_is_fully_allocated()
    {
        var decision = ReleaseRule.ForOrder([
            new LineBuilder(101, 1).Ordered(5).Allocated(5).ShipComplete().Build(),
            new LineBuilder(101, 2).Ordered(3).Allocated(3).ShipComplete().Build(),
            new LineBuilder(101, 3).Ordered(4).Cancelled(4).ShipComplete().Build(), // cancelled: nothing to wait for
        ]);

        Assert.True(decision.Releasable);
        Assert.Equal([5, 3], decision.Lines.Select(l => l.Quantity));
        Assert.Equal("Ship-complete: every line is fully allocated; release 8 units", decision.Reason);
    }

    [Fact]
    public void Order_on_hold_is_not_released()
    {
        var decision = ReleaseRule.ForOrder([new LineBuilder(101).Ordered(5).Allocated(5).OnHold().Build()]);

        Assert.False(decision.Releasable);
        Assert.Equal("The order is on hold", decision.Reason);
    }

    [Fact]
    public void Order_with_nothing_allocated_is_not_released()
    {
        Assert.False(ReleaseRule.ForOrder([new LineBuilder(101).Ordered(5).Build()]).Releasable);
    }
}
