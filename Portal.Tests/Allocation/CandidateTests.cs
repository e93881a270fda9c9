using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/allocation.md#candidates: candidates have Backordered > 0 and an open order (not on hold, not cancelled).
public class CandidateTests
{
    [Fact]
    public void Backordered_is_ordered_less_allocated_shipped_and_cancelled()
    {
        // 10 ordered − 1 allocated − 3 shipped − 2 cancelled = 4 waiting.
        var line = new LineBuilder(101).Ordered(10).Allocated(1).Shipped(3).Cancelled(2).Build();
        Assert.Equal(4, line.Backordered);
        Assert.Equal(5, line.Open); // 10 − 3 − 2

        // 11 on hand − 1 allocated = 10 available; the line takes its 4.
        var result = Allocator.Allocate(PoolBuilder.OnHand(11).Line(line).Build());
        Assert.Equal(4, result.Line(101).Added);
        Assert.Equal(5, result.Line(101).AllocatedAfter);
        Assert.Equal(6, result.AvailableAfter);
    }

    [Fact]
    public void Backordered_is_never_negative()
    {
        // Allocated 5 but 4 of the 8 were since cancelled: 8 − 5 − 0 − 4 = −1, shown as 0.
        Assert.Equal(0, new LineBuilder(101).Ordered(8).Allocated(5).Cancelled(4).Build().Backordered);
    }

    [Fact]
    public void Line_on_hold_gets_nothing_even_with_stock_free()
    {
        var result = Allocator.Allocate(PoolBuilder.OnHand(10)
            .Line(101, 5, l => l.Tier(1).OnHold())
            .Line(102, 3)
            .Build());

        Assert.Equal(0, result.Line(101).Added);
        Assert.Equal(3, result.Line(102).Added);
        Assert.Equal(7, result.AvailableAfter); // 10 − 3
        Assert.Equal("On hold: SO-000101 is on hold, so it gets no stock until the hold is lifted", result.Line(101).Explanation);
    }

    [Fact]
    public void Shipped_and_cancelled_lines_get_nothing()
    {
        var result = Allocator.Allocate(PoolBuilder.OnHand(10)
            .Line(101, 5, l => l.Tier(1).Shipped(3).Cancelled(2)) // 5 − 3 − 2 = 0 open
            .Line(102, 5, l => l.Tier(1).Cancelled(5))            // cancelled line
            .Line(103, 4)
            .Build());

        Assert.Equal(0, result.Line(101).Added);
        Assert.Equal(0, result.Line(102).Added);
        Assert.Equal(4, result.Line(103).Added);
        Assert.Equal("Nothing left to allocate", result.Line(101).Explanation);
    }

    [Fact]
    public void Negative_quantities_are_refused() =>
        Assert.Throws<ArgumentException>(() => Allocator.Allocate(PoolBuilder.OnHand(5).Line(101, 5, l => l.Shipped(-1)).Build()));
}
