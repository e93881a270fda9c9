using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Features.Notifications.Delivery;

/// <summary>How customer emails go out right now.</summary>
/// <param name="SenderName">The company name an Admin set: the sender's display name; null for none.</param>
public sealed record EmailDelivery(EmailMode Mode, string From, string? SenderName, string? PickupFolder, SmtpOptions Smtp);

/// <summary>
/// The email settings in force, read for every email so each instance follows a change at once: what an Admin set
/// under Admin → Settings, and the configuration (<see cref="EmailOptions"/>) for the rest. An SMTP server set there
/// replaces the configured delivery as a whole (server, port, TLS, user and password, never a mix of both); the sender
/// address replaces <c>Email:From</c>. See README, Configuration.
/// </summary>
public sealed class EmailSettingsSource(IDbContextFactory<PortalDbContext> dbFactory, IOptions<EmailOptions> configured, SmtpPasswordProtector passwords)
{
    public EmailOptions Configured => configured.Value;

    /// <exception cref="InvalidOperationException">The saved SMTP password can no longer be read.</exception>
    public async Task<EmailDelivery> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var set = await db.Settings.AsNoTracking()
            .Select(s => new { s.CompanyName, s.SenderAddress, s.SmtpEnabled, s.SmtpHost, s.SmtpPort, s.SmtpRequireTls, s.SmtpUserName, s.ProtectedSmtpPassword })
            .SingleAsync(cancellationToken);
        var config = configured.Value;
        var smtp = set is { SmtpEnabled: true, SmtpHost: { } host }
            ? new SmtpOptions
            {
                Host = host, Port = set.SmtpPort, EnableSsl = set.SmtpRequireTls, UserName = set.SmtpUserName,
                Password = set.ProtectedSmtpPassword is { } password ? passwords.Unprotect(password) : null, Timeout = config.Smtp.Timeout,
            }
            : null;
        return new EmailDelivery(smtp is null ? config.Mode : EmailMode.Smtp, set.SenderAddress ?? config.From, set.CompanyName, config.PickupFolder, smtp ?? config.Smtp);
    }
}
