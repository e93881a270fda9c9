using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Identity;

/// <summary>
/// When each user last signed in, for the Admin's list of users. Kept in Identity's per-user token table, so it needs
/// no column, and written there directly rather than through UserManager: that would renew the user's concurrency
/// stamp at every sign-in and make an Admin's open edit of the user look stale.
/// </summary>
public static class LastSignIn
{
    public const string Provider = "Portal", Name = "LastSignIn";

    public static async Task RecordAsync(IDbContextFactory<PortalDbContext> dbFactory, string userId, DateTimeOffset at)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var text = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        if (await db.UserTokens.FindAsync(userId, Provider, Name) is { } row)
        {
            row.Value = text;
        }
        else
        {
            db.UserTokens.Add(new IdentityUserToken<string> { UserId = userId, LoginProvider = Provider, Name = Name, Value = text });
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two sign-ins of one user at the same moment: either time will do, and the sign-in itself stands.
        }
    }

    public static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
