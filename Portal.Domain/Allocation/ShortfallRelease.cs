namespace Portal.Domain.Allocation;

/// <summary>
/// A stock count that finds fewer units than are reserved takes the difference back from the lines last in line:
/// first held orders, which cannot ship now anyway, then open ones from the bottom of the priority order
/// (docs/allocation.md#stock-counts-below-reservations). Returns how many units each line gives back.
/// </summary>
public static class ShortfallRelease
{
    public static IReadOnlyList<(int LineId, int Quantity)> Plan(IReadOnlyList<DemandLine> lines, int shortfall)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shortfall);
        var ranked = PriorityOrder.Rank(lines);
        var lastInLine = ranked.Where(l => l.OrderOnHold).Reverse().Concat(ranked.Where(l => !l.OrderOnHold).Reverse());
        var releases = new List<(int LineId, int Quantity)>();
        foreach (var line in lastInLine)
        {
            if (shortfall == 0) break;
            var take = Math.Min(Math.Min(line.Allocated, line.Open), shortfall);
            if (take == 0) continue;
            releases.Add((line.LineId, take));
            shortfall -= take;
        }

        return releases;
    }
}
