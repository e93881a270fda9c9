using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Features.Common;

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
        return new AllocationRules(
            clock.Today(),
            await CalendarAsync(db, settings.WorkingDays, cancellationToken),
            new EtaSettings(settings.PickDays, settings.ReceivingDays),
            new NoticeSettings(settings.EtaMoveThresholdDays, settings.LeadTimeMoveThresholdDays));
    }

    /// <summary>The business calendar as an Admin set it: the working days of the week minus the holidays.</summary>
    public static async Task<BusinessCalendar> CalendarAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var workingDays = await db.Settings.AsNoTracking().Select(s => s.WorkingDays).SingleAsync(cancellationToken);
        return await CalendarAsync(db, workingDays, cancellationToken);
    }

    private static async Task<BusinessCalendar> CalendarAsync(PortalDbContext db, WorkWeek workingDays, CancellationToken cancellationToken) =>
        new(await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken), workingDays);
}
