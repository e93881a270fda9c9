using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/allocation.md#stock-counts-below-reservations: a count that finds fewer units than are reserved takes them back
// from held orders first, then from the bottom of the priority order, each line no more than it holds and nothing
// beyond the shortfall.
public class ShortfallReleaseTests
{
    [Fact]
    public void Held_orders_give_back_first_then_the_lowest_priority_line_only_what_is_missing()
    {
        var pool = PoolBuilder.OnHand(0)
            .Line(101, 5, l => l.Tier(1).Allocated(5))
            .Line(102, 3, l => l.Tier(1).Allocated(3).OnHold())
            .Line(103, 4, l => l.Tier(2).Expedite().Allocated(4))
            .Line(104, 6, l => l.Tier(5).Allocated(2))
            .Build();

        var releases = ShortfallRelease.Plan(pool.Lines, 6);

        // Held SO-102 gives its 3; then tier 5 (SO-104) its 2; then tier 1 SO-101 gives the last 1, since the
        // expedited SO-103 ranks first of all.
        Assert.Equal([(LineBuilder.IdOf(102), 3), (LineBuilder.IdOf(104), 2), (LineBuilder.IdOf(101), 1)], releases);
    }

    [Fact]
    public void Shipped_units_are_not_reserved_and_no_shortfall_releases_nothing()
    {
        var pool = PoolBuilder.OnHand(0).Line(101, 5, l => l.Allocated(2).Shipped(3)).Build();

        Assert.Equal([(LineBuilder.IdOf(101), 2)], ShortfallRelease.Plan(pool.Lines, 10));
        Assert.Empty(ShortfallRelease.Plan(pool.Lines, 0));
    }
}
