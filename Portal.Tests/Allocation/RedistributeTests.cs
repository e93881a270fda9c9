using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/allocation.md#redistribute: Redistribute releases the pool's unshipped allocations and allocates again
// from the start in priority order, as a preview of who gains and who loses.
public class RedistributeTests
{
    [Fact]
    public void Redistribute_moves_stock_to_the_higher_priority_line_and_shows_who_loses()
    {
        var pool = PoolBuilder.OnHand(5)
            .Line(103, 5, l => l.Tier(3).Allocated(5))
            .Line(101, 5, l => l.Tier(1))
            .Build();

        var plan = Redistributor.Preview(pool);

        // 5 on hand from the start: SO-101 (tier 1) takes 5, SO-103 (tier 3) is left with 0.
        Assert.Equal(5, plan.Line(101).Change);
        Assert.Equal(-5, plan.Line(103).Change);
        Assert.Equal(5, plan.AllocatedBefore);
        Assert.Equal(5, plan.AllocatedAfter);
        Assert.Equal("Gains 5: now 5 of 5; ahead of SO-000103 line 1 because customer tier 1 comes before tier 3",
            plan.Line(101).Explanation);
        Assert.Equal("Loses 5: now 0 of 5; SO-000101 line 1 is ahead because customer tier 1 comes before tier 3",
            plan.Line(103).Explanation);
        Assert.Equal(5, pool.Lines[0].Allocated); // a preview writes nothing
    }

    [Fact]
    public void Redistribute_gives_on_hold_orders_nothing()
    {
        // SO-101 is on hold with 4 allocated; 6 on hand go to SO-102 (4) then SO-103 (2 of 3).
        var plan = Redistributor.Preview(PoolBuilder.OnHand(6)
            .Line(101, 4, l => l.Tier(1).Allocated(4).OnHold())
            .Line(102, 4, l => l.Tier(2).Allocated(2))
            .Line(103, 3, l => l.Tier(3))
            .Build());

        Assert.Equal(0, plan.Line(101).AllocatedAfter);
        Assert.Equal(4, plan.Line(102).AllocatedAfter);
        Assert.Equal(2, plan.Line(103).AllocatedAfter);
        Assert.Equal("Loses 4: SO-000101 is on hold", plan.Line(101).Explanation);
        Assert.Equal("Gains 2 from free stock: now 4 of 4", plan.Line(102).Explanation);
        Assert.Equal([102, 103], plan.Gainers.Select(g => g.Line.OrderId));
        Assert.Equal([101], plan.Losers.Select(g => g.Line.OrderId));
    }

    [Fact]
    public void Redistribute_total_is_on_hand_or_total_open_demand_whichever_is_smaller()
    {
        // Open demand: 5 + (10 − 4 shipped) = 11 < 20 on hand.
        var plenty = Redistributor.Preview(PoolBuilder.OnHand(20).Line(101, 5).Line(102, 10, l => l.Shipped(4)).Build());
        Assert.Equal(11, plenty.AllocatedAfter);

        // 7 on hand < 11 open: SO-101 takes 5, SO-102 keeps 2 of its 6.
        var scarce = Redistributor.Preview(PoolBuilder.OnHand(7).Line(101, 5).Line(102, 10, l => l.Shipped(4).Allocated(6)).Build());
        Assert.Equal(7, scarce.AllocatedAfter);
        Assert.Equal(-4, scarce.Line(102).Change);
    }

    [Fact]
    public void Stock_counted_below_its_allocations_takes_from_the_lowest_priority_first()
    {
        // 8 allocated but only 6 on hand: SO-101 keeps 5, SO-102 keeps 1 of 3; nobody gains.
        var plan = Redistributor.Preview(PoolBuilder.OnHand(6)
            .Line(101, 5, l => l.Tier(1).Allocated(5))
            .Line(102, 3, l => l.Tier(2).Allocated(3))
            .Build());

        Assert.Equal("Keeps 5 of 5", plan.Line(101).Explanation);
        Assert.Equal("Loses 2: now 1 of 3; only 6 on hand for the orders ahead", plan.Line(102).Explanation);
    }
}
