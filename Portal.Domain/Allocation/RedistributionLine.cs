namespace Portal.Domain.Allocation;

// One line of a redistribution plan. Other: for a gain, the first line behind it that loses; for a loss,
// the closest line ahead of it that gains.
public sealed record RedistributionLine(DemandLine Line, int AllocatedAfter, int OnHand, DemandLine? Other)
{
    public int LineId => Line.LineId;
    public int AllocatedBefore => Line.Allocated;
    public int Change => AllocatedAfter - Line.Allocated;
    public string Explanation => RedistributionExplanation.Describe(this);
}
