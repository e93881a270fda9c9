namespace Portal.Domain.Allocation;

/// <summary>
/// The two ship dates that are nothing but today plus a fixed number of business days, the same for every line:
/// an allocated line ships once picked (DESIGN "Estimated ship dates" rule 1), and a line whose purchase order is late
/// counts the goods as arriving today, then receiving and picking (rule 2). See <see cref="StoredEta"/>.
/// </summary>
public sealed record ShipDatesToday(DateOnly InStock, DateOnly LateDelivery)
{
    public static ShipDatesToday For(DateOnly today, BusinessCalendar calendar, EtaSettings settings) => new(
        calendar.AddBusinessDays(today, settings.PickDays),
        calendar.AddBusinessDays(today, settings.ReceivingDays + settings.PickDays));
}
