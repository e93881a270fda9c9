using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;

namespace Portal.Features.Allocation;

/// <summary>The settings and calendar every allocation run and promise preview needs, read in two small queries.</summary>
public sealed record AllocationRules(DateOnly Today, BusinessCalendar Calendar, EtaSettings Eta, NoticeSettings Notices)
{
    /// <summary>The dates a stored null stands for (see <see cref="StoredEta"/>).</summary>
    public ShipDatesToday ShipDates => ShipDatesToday.For(Today, Calendar, Eta);

    /// <summary>
    /// What a stored null date behind a late purchase order stands for today: queries that filter or sort lines by date
    /// read <c>l.EtaDate ?? (l.EtaOverdue ? late : null)</c> with it.
    /// </summary>
    public static async Task<DateOnly?> LateDeliveryAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        (await LoadAsync(db, clock, cancellationToken)).ShipDates.LateDelivery;

    public static async Task<AllocationRules> LoadAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = await db.Settings.AsNoTracking().SingleAsync(cancellationToken);
        var holidays = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        return new AllocationRules(
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            new BusinessCalendar(holidays),
            new EtaSettings(settings.PickDays, settings.ReceivingDays),
            new NoticeSettings(settings.EtaMoveThresholdDays));
    }
}
