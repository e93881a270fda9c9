namespace Portal.Domain.Allocation;

// Automatic allocation for one pool (docs/allocation.md#candidates to #never-take-back).
public static class Allocator
{
    public static AllocationResult Allocate(PoolSnapshot pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var pass = AllocationPass.Run(PriorityOrder.Rank(pool.Lines), pool.OnHand);
        var lines = new LineAllocation[pass.Ranked.Length];
        for (var i = 0; i < lines.Length; i++) lines[i] = pass.Describe(i);
        return new AllocationResult(pool.OnHand, pass.PoolAvailable, pass.AvailableAfter, lines);
    }
}
