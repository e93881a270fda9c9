namespace Portal.Domain.Allocation;

// docs/ship-dates.md#line-and-order-dates: a ship-complete order ships when its last line can, so its ETA is the latest
// line ETA, across pools. Unknown when any open line is unknown; lines with nothing open do not count.
public static class OrderEta
{
    public static DateOnly? ShipCompleteDate(IEnumerable<LineEta> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        DateOnly? latest = null;
        foreach (var line in lines)
        {
            if (line.Basis == EtaBasis.None) continue;
            if (line.EtaDate is not { } date) return null;
            if (latest is null || date > latest) latest = date;
        }
        return latest;
    }
}
