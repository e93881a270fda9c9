namespace Portal.Domain.Allocation;

// Short sentences a sales rep can read to a customer.
internal static class AllocationExplanation
{
    public static string Describe(LineAllocation a)
    {
        var line = a.Line;
        if (line.Backordered == 0)
            return line.Open == 0 ? "Nothing left to allocate" : $"Fully allocated: {Wording.N(a.AllocatedAfter)} of {Wording.N(line.Open)}";
        if (line.OrderOnHold)
            return $"On hold: {DocumentNumbers.SalesOrder(line.OrderId)} is on hold, so it gets no stock until the hold is lifted";
        if (a.PoolAvailable < 0)
            return $"Waiting: stock is over-allocated ({Wording.N(a.OnHand)} on hand, {Wording.N(a.OnHand - a.PoolAvailable)} allocated), so nothing new was allocated";

        if (a.Added > 0)
        {
            var got = $"Got {Wording.N(a.Added)} of {Wording.N(line.Backordered)} from {Wording.N(a.AvailableAtTurn)} available";
            return a.Other is null ? got : $"{got}; ahead of {DocumentNumbers.Line(a.Other)} because {PriorityReason.Why(line, a.Other)}";
        }

        if (a.PoolAvailable == 0 || a.Other is null)
            return $"Waiting: no free stock (all {Wording.N(a.OnHand)} on hand are allocated)";
        var went = a.PoolAvailable == 1 ? "1 unit went" : $"{Wording.N(a.PoolAvailable)} units went";
        return $"Waiting: {went} to higher-priority orders ({DocumentNumbers.Line(a.Other)} is ahead because {PriorityReason.Why(a.Other, line)})";
    }
}
