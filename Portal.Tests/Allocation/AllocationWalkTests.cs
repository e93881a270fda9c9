using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/allocation.md#the-walk: walk the candidates in priority order giving min(Available, Backordered).
public class AllocationWalkTests
{
    private static PoolSnapshot TwelveUnitsForFourLines() => PoolBuilder.OnHand(12)
        .Line(101, 5, l => l.Tier(1))
        .Line(102, 4, l => l.Tier(2))
        .Line(103, 6, l => l.Tier(3).Placed(Day.Placed(9)))
        .Line(104, 2, l => l.Tier(3).Placed(Day.Placed(11)))
        .Build();

    [Fact]
    public void Stock_runs_down_the_priority_order_until_it_is_gone()
    {
        var result = Allocator.Allocate(TwelveUnitsForFourLines());

        // 12 available: SO-101 takes 5 (7 left), SO-102 takes 4 (3 left), SO-103 takes 3 of 6 (0 left), SO-104 none.
        Assert.Equal([5, 4, 3, 0], result.Lines.Select(l => l.Added));
        Assert.Equal([101, 102, 103, 104], result.Lines.Select(l => l.Line.OrderId));
        Assert.Equal(0, result.AvailableAfter);
        Assert.Equal(12, result.TotalAdded);
    }

    [Fact]
    public void Explanations_name_the_line_that_was_left_short_or_that_took_the_stock()
    {
        var result = Allocator.Allocate(TwelveUnitsForFourLines());

        Assert.Equal("Got 4 of 4 from 7 available; ahead of SO-000103 line 1 because customer tier 2 comes before tier 3",
            result.Line(102).Explanation);
        Assert.Equal("Got 3 of 6 from 3 available; ahead of SO-000104 line 1 because it was placed earlier " +
                     "(Sun 1 Nov 2026 09:00 UTC, the other Sun 1 Nov 2026 11:00 UTC)",
            result.Line(103).Explanation);
        Assert.Equal("Waiting: 12 units went to higher-priority orders (SO-000103 line 1 is ahead because it was placed earlier " +
                     "(Sun 1 Nov 2026 09:00 UTC, the other Sun 1 Nov 2026 11:00 UTC))",
            result.Line(104).Explanation);
    }

    [Fact]
    public void Everyone_filled_leaves_the_rest_available_and_names_nobody()
    {
        var result = Allocator.Allocate(PoolBuilder.OnHand(20).Line(101, 5).Line(102, 3).Build());

        Assert.Equal(12, result.AvailableAfter); // 20 − 5 − 3
        Assert.Equal("Got 5 of 5 from 20 available", result.Line(101).Explanation);
        Assert.Equal("Allocated 8 units of 20 available", result.Summary);
    }

    [Fact]
    public void Partly_allocated_line_gets_only_its_remaining_backorder()
    {
        // SO-101 has 3 of 8 allocated: 5 waiting. 10 on hand − 3 allocated = 7 available; 5 go to SO-101, 2 to SO-102.
        var result = Allocator.Allocate(PoolBuilder.OnHand(10)
            .Line(101, 8, l => l.Tier(1).Allocated(3))
            .Line(102, 4, l => l.Tier(2))
            .Build());

        Assert.Equal(5, result.Line(101).Added);
        Assert.Equal(8, result.Line(101).AllocatedAfter);
        Assert.Equal(2, result.Line(102).Added);
    }

    [Fact]
    public void Fully_allocated_line_is_not_a_candidate()
    {
        var result = Allocator.Allocate(PoolBuilder.OnHand(10).Line(101, 8, l => l.Allocated(8)).Build());

        Assert.Equal(0, result.Line(101).Added);
        Assert.Equal("Fully allocated: 8 of 8", result.Line(101).Explanation);
    }
}
