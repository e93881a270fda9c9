using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/allocation.md#never-take-back: an automatic run never takes an allocation back.
public class NeverTakeBackTests
{
    [Fact]
    public void Automatic_run_leaves_a_lower_priority_allocation_alone()
    {
        // SO-103 (tier 3) got all 5 on hand before SO-101 (tier 1) was entered. 5 − 5 = 0 available.
        var result = Allocator.Allocate(PoolBuilder.OnHand(5)
            .Line(103, 5, l => l.Tier(3).Allocated(5))
            .Line(101, 5, l => l.Tier(1))
            .Build());

        Assert.Equal(5, result.Line(103).AllocatedAfter);
        Assert.Equal(0, result.Line(101).Added);
        Assert.Equal("Waiting: no free stock (all 5 on hand are allocated)", result.Line(101).Explanation);
    }
}
