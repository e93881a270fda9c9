namespace Portal.Domain.Allocation;

// Lines are in priority order. AvailableBefore is negative when the pool is over-allocated; then nothing moved.
public sealed record AllocationResult(int OnHand, int AvailableBefore, int AvailableAfter, IReadOnlyList<LineAllocation> Lines)
{
    public bool OverAllocated => AvailableBefore < 0;

    public int TotalAdded
    {
        get
        {
            var sum = 0;
            foreach (var line in Lines) sum += line.Added;
            return sum;
        }
    }

    public string Summary => OverAllocated
        ? $"Over-allocated: {Wording.N(OnHand)} on hand but {Wording.N(OnHand - AvailableBefore)} allocated; nothing allocated"
        : $"Allocated {Wording.Units(TotalAdded)} of {Wording.N(AvailableBefore)} available";
}
