using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Features.Notifications.Delivery;

/// <summary>
/// Seals the SMTP password an Admin enters with the app's data protection (keys shared by every instance through the
/// database), so the settings row never holds it in clear and nothing can show it back.
/// </summary>
public sealed class SmtpPasswordProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Portal.Settings.SmtpPassword");

    public string Protect(string password) => protector.Protect(password);

    /// <summary>Whether the saved password can still be unsealed, without handing it to anyone.</summary>
    public bool CanUnprotect(string protectedPassword)
    {
        try
        {
            Unprotect(protectedPassword);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <exception cref="InvalidOperationException">The keys it was sealed with are gone; an Admin has to enter it again.</exception>
    public string Unprotect(string protectedPassword)
    {
        try
        {
            return protector.Unprotect(protectedPassword);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                "The SMTP password saved under Admin → Settings can no longer be read (the data-protection keys it was sealed with are gone): enter it again.", e);
        }
    }
}
