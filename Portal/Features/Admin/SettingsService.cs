using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;

namespace Portal.Features.Admin;

public sealed record SettingsForm(int PickDays, int ReceivingDays, int EtaMoveThresholdDays, int QuietWindowMinutes, int Version)
{
    public int PickDays { get; set; } = PickDays;
    public int ReceivingDays { get; set; } = ReceivingDays;
    public int EtaMoveThresholdDays { get; set; } = EtaMoveThresholdDays;
    public int QuietWindowMinutes { get; set; } = QuietWindowMinutes;
}

public sealed class SettingsService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<SettingsForm> GetAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var s = await db.Settings.AsNoTracking().SingleAsync();
        return new SettingsForm(s.PickDays, s.ReceivingDays, s.EtaMoveThresholdDays, s.QuietWindowMinutes, s.Version);
    }

    /// <summary>Saves unless someone else saved since <paramref name="form"/> was read; then says so and changes nothing.</summary>
    public async Task<string?> SaveAsync(SettingsForm form, string user)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var settings = await db.Settings.SingleAsync();
        db.Entry(settings).Property(s => s.Version).OriginalValue = form.Version;
        try
        {
            settings.Change(form.PickDays, form.ReceivingDays, form.EtaMoveThresholdDays, form.QuietWindowMinutes);
            db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), user, "Settings", "1", "Changed settings",
                $"Pick {form.PickDays}, receiving {form.ReceivingDays}, ETA threshold {form.EtaMoveThresholdDays}, quiet window {form.QuietWindowMinutes} min"));
            await db.SaveChangesAsync();
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Someone else changed the settings while you were editing. Reload to see their values; nothing was saved.";
        }
    }
}
