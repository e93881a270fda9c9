namespace Portal.Domain.Allocation;

// docs/allocation.md#ship-complete-orders. Takes every line of one order, whatever pool each line is in, with current
// allocations.
// A partial-ship order releases each allocated quantity; a ship-complete order only once no line waits.
// An order on hold releases nothing: the hold stops fulfilment, not just allocation.
public static class ReleaseRule
{
    public static ReleaseDecision ForOrder(IReadOnlyList<DemandLine> orderLines)
    {
        ArgumentNullException.ThrowIfNull(orderLines);
        if (orderLines.Count == 0) return new ReleaseDecision(false, [], "The order has no lines");
        if (orderLines.Any(l => l.OrderOnHold)) return new ReleaseDecision(false, [], "The order is on hold");

        var shipComplete = orderLines.Any(l => l.ShipComplete);
        if (shipComplete)
        {
            var waitingLines = orderLines.Count(l => l.Backordered > 0);
            if (waitingLines > 0)
            {
                var waiting = orderLines.Sum(l => l.Backordered);
                return new ReleaseDecision(false, [],
                    $"Ship-complete: waiting for {Wording.Units(waiting)} on {Wording.N(waitingLines)} line{(waitingLines == 1 ? "" : "s")}");
            }
        }

        var releases = orderLines
            .Select(l => new LineRelease(l.LineId, Math.Min(l.Allocated, l.Open)))
            .Where(r => r.Quantity > 0)
            .ToArray();
        if (releases.Length == 0) return new ReleaseDecision(false, [], "Nothing is allocated");

        var units = Wording.Units(releases.Sum(r => r.Quantity));
        return new ReleaseDecision(true, releases,
            shipComplete ? $"Ship-complete: every line is fully allocated; release {units}" : $"Release {units}");
    }
}
