using System.Globalization;

namespace Portal.Domain.Allocation;

// Why one line ranks ahead of another, worded to follow "… is ahead because ".
public static class PriorityReason
{
    public static string Why(DemandLine ahead, DemandLine behind) =>
        PriorityOrder.DecidingKey(ahead, behind) switch
        {
            PriorityKey.Expedite => "it is marked expedite",
            PriorityKey.Tier => $"customer tier {ahead.PriorityTier} comes before tier {behind.PriorityTier}",
            PriorityKey.RequestedShipDate when behind.RequestedShipDate is null =>
                $"it asks for {DocumentNumbers.Date(ahead.RequestedShipDate!.Value)} and the other line gives no requested date",
            PriorityKey.RequestedShipDate =>
                $"requested ship date {DocumentNumbers.Date(ahead.RequestedShipDate!.Value)} comes before {DocumentNumbers.Date(behind.RequestedShipDate!.Value)}",
            PriorityKey.PlacedAt => $"it was placed earlier ({Time(ahead.PlacedAt)}, the other {Time(behind.PlacedAt)})",
            PriorityKey.OrderNumber =>
                $"both were placed at the same time and order {DocumentNumbers.SalesOrder(ahead.OrderId)} comes first",
            PriorityKey.LineNumber => $"line {ahead.LineNumber} comes before line {behind.LineNumber} on the same order",
            _ => "they rank equal",
        };

    private static string Time(DateTimeOffset t) => Common.Show.Time(t);
}
