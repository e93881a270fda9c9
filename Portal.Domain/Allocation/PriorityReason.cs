using Portal.Domain.Common;

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
                $"it asks for {Show.Date(ahead.RequestedShipDate!.Value)} and the other line gives no requested date",
            PriorityKey.RequestedShipDate =>
                $"requested ship date {Show.Date(ahead.RequestedShipDate!.Value)} comes before {Show.Date(behind.RequestedShipDate!.Value)}",
            PriorityKey.PlacedAt => $"it was placed earlier ({Show.Time(ahead.PlacedAt)}, the other {Show.Time(behind.PlacedAt)})",
            PriorityKey.OrderNumber =>
                $"both were placed at the same time and order {DocumentNumbers.SalesOrder(ahead.OrderId)} comes first",
            PriorityKey.LineNumber => $"line {ahead.LineNumber} comes before line {behind.LineNumber} on the same order",
            _ => "they rank equal",
        };
}
