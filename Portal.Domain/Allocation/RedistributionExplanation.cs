namespace Portal.Domain.Allocation;

internal static class RedistributionExplanation
{
    public static string Describe(RedistributionLine r)
    {
        var line = r.Line;
        var n = Wording.N(Math.Abs(r.Change));
        if (line.OrderOnHold)
            return r.Change < 0 ? $"Loses {n}: {DocumentNumbers.SalesOrder(line.OrderId)} is on hold" : "On hold: gets nothing";
        if (line.Open == 0)
            return r.Change < 0 ? $"Loses {n}: nothing left open on the line" : "Nothing open";

        var now = $"now {Wording.N(r.AllocatedAfter)} of {Wording.N(line.Open)}";
        if (r.Change > 0)
            return r.Other is null
                ? $"Gains {n} from free stock: {now}"
                : $"Gains {n}: {now}; ahead of {DocumentNumbers.Line(r.Other)} because {PriorityReason.Why(line, r.Other)}";
        if (r.Change < 0)
            return r.Other is null
                ? $"Loses {n}: {now}; only {Wording.N(r.OnHand)} on hand for the orders ahead"
                : $"Loses {n}: {now}; {DocumentNumbers.Line(r.Other)} is ahead because {PriorityReason.Why(r.Other, line)}";
        return $"Keeps {Wording.N(r.AllocatedAfter)} of {Wording.N(line.Open)}";
    }
}
