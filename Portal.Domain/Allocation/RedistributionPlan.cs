namespace Portal.Domain.Allocation;

// A preview, nothing written: who gains and who loses if the pool is allocated again from the start.
// Lines are in priority order.
public sealed record RedistributionPlan(int OnHand, int AllocatedBefore, int AllocatedAfter, IReadOnlyList<RedistributionLine> Lines)
{
    public IEnumerable<RedistributionLine> Gainers => Lines.Where(l => l.Change > 0);
    public IEnumerable<RedistributionLine> Losers => Lines.Where(l => l.Change < 0);
}
