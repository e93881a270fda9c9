namespace Portal.Domain.Allocation;

/// <summary>
/// The two ship dates that are nothing but today plus a fixed number of business days, the same for every line:
/// an allocated line ships once picked (docs/ship-dates.md#allocated-units), and a line whose purchase order is late
/// counts the goods as arriving today, then receiving and picking (docs/ship-dates.md#overdue-purchase-orders).
/// See <see cref="StoredEta"/> and docs/ship-dates.md#stored-and-worked-out-dates.
/// </summary>
public sealed record ShipDatesToday(DateOnly InStock, DateOnly LateDelivery)
{
    public static ShipDatesToday For(DateOnly today, BusinessCalendar calendar, EtaSettings settings) => new(
        calendar.AddBusinessDays(today, settings.PickDays),
        calendar.AddBusinessDays(today, settings.ReceivingDays + settings.PickDays));
}
