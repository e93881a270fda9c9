using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/allocation.md#available-stock: Available = OnHand − Σ Allocated.
public class AvailableStockTests
{
    [Fact]
    public void Only_stock_not_already_allocated_is_available()
    {
        // 20 on hand − 12 allocated to SO-101 = 8 available for SO-102's 10.
        var result = Allocator.Allocate(PoolBuilder.OnHand(20)
            .Line(101, 12, l => l.Allocated(12))
            .Line(102, 10)
            .Build());

        Assert.Equal(8, result.AvailableBefore);
        Assert.Equal(8, result.Line(102).Added);
        Assert.Equal(2, result.Line(102).BackorderedAfter);
        Assert.Equal(0, result.AvailableAfter);
    }

    [Fact]
    public void Over_allocated_pool_allocates_nothing_and_says_so()
    {
        // Counted down to 10 while 12 stay allocated: 10 − 12 = −2, so nothing is free for SO-102.
        var result = Allocator.Allocate(PoolBuilder.OnHand(10)
            .Line(101, 12, l => l.Allocated(12))
            .Line(102, 5)
            .Build());

        Assert.True(result.OverAllocated);
        Assert.Equal(-2, result.AvailableBefore);
        Assert.Equal(0, result.AvailableAfter);
        Assert.Equal(0, result.Line(102).Added);
        Assert.Equal(12, result.Line(101).AllocatedAfter);
        Assert.Equal("Over-allocated: 10 on hand but 12 allocated; nothing allocated", result.Summary);
        Assert.Equal("Waiting: stock is over-allocated (10 on hand, 12 allocated), so nothing new was allocated",
            result.Line(102).Explanation);
    }
}
