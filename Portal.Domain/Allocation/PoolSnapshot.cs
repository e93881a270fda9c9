namespace Portal.Domain.Allocation;

// One stock pool: one product in one warehouse. LeadTimeDays is the supplier lead time in business days
// (null: unknown). OrdersElsewhere describes ship-complete orders that also have lines in other pools.
public sealed record PoolSnapshot(
    int OnHand,
    IReadOnlyList<DemandLine> Lines,
    IReadOnlyList<SupplyLine> Supply,
    int? LeadTimeDays,
    IReadOnlyList<OrderElsewhere>? OrdersElsewhere = null)
{
    public int TotalAllocated
    {
        get
        {
            var sum = 0;
            for (var i = 0; i < Lines.Count; i++) sum += Lines[i].Allocated;
            return sum;
        }
    }

    // May be negative when stock was counted down below what is reserved; the engine reports it, never throws.
    public int Available => OnHand - TotalAllocated;
}
