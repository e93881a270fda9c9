using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Features.Admin.Settings;
using Portal.Features.Allocation;
using Portal.Features.Common;
using Portal.Features.Notifications.Delivery;

namespace Portal.Features.Admin;

/// <summary>
/// Reads and saves the settings and the holidays. A change that moves dates (the calendar, handling days, thresholds)
/// marks every product for allocation in the transaction of the save and its audit row, then asks for a run, so stored
/// dates and customer emails follow within minutes instead of at the nightly run.
/// </summary>
public sealed class SettingsService(
    IDbContextFactory<PortalDbContext> dbFactory, SmtpPasswordProtector passwords, EmailSettingsSource email, AllocationScheduler scheduler, TimeProvider clock)
{
    public const string StaleMessage = "Someone else changed the settings while you were editing. Nothing was saved: reload to see their values, then try again.";

    public DateOnly Today => clock.Today();

    public async Task<SettingsForm> GetAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var s = await db.Settings.AsNoTracking().SingleAsync();
        return new SettingsForm
        {
            WorkingDays = s.WorkingDays, PickDays = s.PickDays, ReceivingDays = s.ReceivingDays, EtaMoveThresholdDays = s.EtaMoveThresholdDays,
            LeadTimeMoveThresholdDays = s.LeadTimeMoveThresholdDays, QuietWindowMinutes = s.QuietWindowMinutes,
            LaterDateQuestionDays = s.LaterDateQuestionDays, UnansweredReminderDays = s.UnansweredReminderDays,
            CompanyName = s.CompanyName, SenderAddress = s.SenderAddress, SmtpEnabled = s.SmtpEnabled, SmtpHost = s.SmtpHost, SmtpPort = s.SmtpPort,
            SmtpRequireTls = s.SmtpRequireTls, SmtpUserName = s.SmtpUserName, SmtpPasswordSet = s.ProtectedSmtpPassword is not null,
            SmtpPasswordUnreadable = s.ProtectedSmtpPassword is { } sealedPassword && !passwords.CanUnprotect(sealedPassword), Version = s.Version,
        };
    }

    public ConfiguredEmail Configured()
    {
        var configured = email.Configured;
        return new ConfiguredEmail(configured.From, configured.Mode == EmailMode.Pickup
            ? $"written as .eml files to {configured.PickupFolder}"
            : $"sent over SMTP to {configured.Smtp.Host}:{configured.Smtp.Port}");
    }

    /// <summary>Saves unless a value is refused or someone else saved since <paramref name="form"/> was read; null when saved, else why not.</summary>
    public async Task<string?> SaveAsync(SettingsForm form, string user)
    {
        SettingsChange change;
        try
        {
            // Sealed before the transaction: data protection may write a new key through a connection of its own.
            var newPassword = Seal(form.NewSmtpPassword);
            await using var db = await dbFactory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var settings = await db.Settings.SingleAsync();
            db.Entry(settings).Property(s => s.Version).OriginalValue = form.Version;
            change = SettingsChanges.Apply(settings, form, newPassword);
            if (change.Changes.Count == 0)
            {
                return "Nothing changed.";
            }

            var now = clock.GetUtcNow();
            db.AuditEvents.Add(new AuditEvent(now, user, "Settings", PortalSettings.SingletonId.ToString(), "Changed settings", string.Join("; ", change.Changes)));
            await db.SaveChangesAsync();
            if (change.MovesDates)
            {
                await MarkEveryProductAsync(db, $"Settings changed by {user}", now);
            }

            await transaction.CommitAsync();
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleMessage;
        }

        if (change.MovesDates)
        {
            await scheduler.RequestSweepAsync();
        }

        return null;
    }

    public async Task<IReadOnlyList<HolidayRow>> HolidaysAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Holidays.AsNoTracking().OrderBy(h => h.Date).Select(h => new HolidayRow(h.Date, h.Name)).ToListAsync();
    }

    /// <summary>Adds a holiday unless the day is one already; null when added, else why not.</summary>
    public async Task<string?> AddHolidayAsync(DateOnly date, string? name, string user)
    {
        try
        {
            var holiday = new Holiday(date, name ?? "");
            return await ChangeHolidaysAsync(user, "Added holiday", Show.Date(date), async db =>
            {
                if (await db.Holidays.AsNoTracking().SingleOrDefaultAsync(h => h.Date == date) is { } existing)
                {
                    throw new DomainException($"{Show.Date(date)} is already a holiday: {existing.Name}.");
                }

                db.Holidays.Add(holiday);
                return $"{Show.Date(date)}: not a holiday → {holiday.Name}";
            });
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two Admins added the same day at once: the key refused the second.
            if (!await IsHolidayAsync(date))
            {
                throw;
            }

            return $"{Show.Date(date)} is already a holiday: someone added it a moment ago.";
        }
    }

    /// <summary>Removes a holiday; null when removed, else why not.</summary>
    public async Task<string?> RemoveHolidayAsync(DateOnly date, string user)
    {
        var gone = $"{Show.Date(date)} is not a holiday (any more): nothing was removed.";
        try
        {
            return await ChangeHolidaysAsync(user, "Removed holiday", Show.Date(date), async db =>
            {
                var holiday = await db.Holidays.SingleOrDefaultAsync(h => h.Date == date) ?? throw new DomainException(gone);
                db.Holidays.Remove(holiday);
                return $"{Show.Date(date)}: {holiday.Name} → not a holiday";
            });
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return gone;
        }
    }

    // A holiday moves dates: the change, its audit row and the mark of every product commit together.
    private async Task<string?> ChangeHolidaysAsync(string user, string action, string day, Func<PortalDbContext, Task<string>> change)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var details = await change(db);
            var now = clock.GetUtcNow();
            db.AuditEvents.Add(new AuditEvent(now, user, "Holiday", day, action, details));
            await db.SaveChangesAsync();
            await MarkEveryProductAsync(db, $"{action} by {user}", now);
            await transaction.CommitAsync();
        }

        await scheduler.RequestSweepAsync();
        return null;
    }

    private async Task<bool> IsHolidayAsync(DateOnly date)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Holidays.AnyAsync(h => h.Date == date);
    }

    private string? Seal(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }

        return EmailSettingsRules.SmtpPasswordProblem(password) is { } problem ? throw new DomainException(problem) : passwords.Protect(password);
    }

    private static async Task MarkEveryProductAsync(PortalDbContext db, string reason, DateTimeOffset now) =>
        await AllocationFlags.MarkAsync(db, await db.Products.Select(p => p.Id).ToListAsync(), reason, now);
}
