using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Identity;
using static Portal.Features.Admin.Users.UserChange;

namespace Portal.Features.Admin.Users;

/// <summary>
/// Users, their roles and their access. Each change runs in a scope and transaction of its own, so Identity's change
/// tracking never outlives it in a long-lived interactive page; the change and its audit row commit together or not
/// at all. A change names the user's <see cref="UserSummary.Version"/> it was decided on and is refused when the user
/// changed since. Methods return null when done, or why not (Identity's words for a weak password or a taken email).
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityOptions> identity, IOptions<Sessions.Options> sessions)
{
    /// <summary>A random password that meets the portal's password rules.</summary>
    public string NewTemporaryPassword() => TemporaryPassword.Generate(identity.Value.Password);

    /// <summary>How soon a user's open pages notice that their account changed.</summary>
    public TimeSpan SessionsEndWithin => sessions.Value.RevalidationInterval;

    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new
        {
            u.Id,
            u.Email,
            u.DisplayName,
            u.LockoutEnd,
            u.ConcurrencyStamp,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            Temporary = db.UserTokens.Any(t => t.UserId == u.Id && t.LoginProvider == TemporaryPassword.Provider && t.Name == TemporaryPassword.Name),
            LastSignIn = db.UserTokens.Where(t => t.UserId == u.Id && t.LoginProvider == LastSignIn.Provider && t.Name == LastSignIn.Name)
                .Select(t => t.Value).FirstOrDefault(),
        }).ToListAsync();
        var now = clock.GetUtcNow();
        return rows.Select(u => new UserSummary(
            u.Id, u.Email ?? "", u.DisplayName, Roles.All.Where(u.Roles.Contains).ToList(),
            u.LockoutEnd >= Deactivation.Until ? UserStatus.Deactivated : u.LockoutEnd > now ? UserStatus.LockedOut : UserStatus.Active,
            u.Temporary, LastSignIn.Parse(u.LastSignIn), u.ConcurrencyStamp ?? "")).ToList();
    }

    /// <summary>Adds a user with a temporary password, which they replace at their first sign-in.</summary>
    public Task<string?> CreateAsync(NewUser form, string admin) =>
        InTransactionAsync(admin, async change =>
        {
            var roles = Checked(form.Roles);
            if (string.IsNullOrWhiteSpace(form.DisplayName) || form.DisplayName.Trim().Length > 100)
            {
                return "Name: give the user a name of at most 100 characters.";
            }

            var email = form.Email.Trim();
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = form.DisplayName.Trim(), EmailConfirmed = true };
            return await Check(change.Users.CreateAsync(user, form.TemporaryPassword))
                ?? await Check(change.Users.AddToRolesAsync(user, roles))
                ?? await Check(change.Users.MarkPasswordTemporaryAsync(user))
                ?? await change.AuditAsync(user, "Created user", $"Roles: {List(roles)}; status: Active; temporary password, to be changed at first sign-in");
        });

    /// <summary>Gives the user exactly <paramref name="roles"/>; their open sessions end, so the new roles apply at once.</summary>
    public Task<string?> SetRolesAsync(string userId, string version, IReadOnlyCollection<string> roles, string admin) =>
        ForUserAsync(userId, version, admin, async (change, user) =>
        {
            var wanted = Checked(roles);
            var current = Roles.All.Where((await change.Users.GetRolesAsync(user)).Contains).ToList();
            if (current.SequenceEqual(wanted))
            {
                return $"Nothing changed: {user.Email} already has exactly these roles.";
            }

            var losesAdmin = current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && !user.IsDeactivated();
            return (losesAdmin ? await change.KeepAnotherAdminAsync(user, "removing their Admin role") : null)
                ?? await Check(change.Users.RemoveFromRolesAsync(user, current.Except(wanted)))
                ?? await Check(change.Users.AddToRolesAsync(user, wanted.Except(current)))
                ?? await Check(change.Users.UpdateSecurityStampAsync(user))
                ?? await change.AuditAsync(user, "Changed roles", $"Roles: {List(current)} → {List(wanted)}");
        });

    /// <summary>Sets a temporary password, which the user replaces at their next sign-in; their open sessions end.</summary>
    public Task<string?> ResetPasswordAsync(string userId, string version, string temporaryPassword, string admin) =>
        ForUserAsync(userId, version, admin, async (change, user) =>
            await Check(change.Users.RemovePasswordAsync(user))
            ?? await Check(change.Users.AddPasswordAsync(user, temporaryPassword))
            ?? await Check(change.Users.MarkPasswordTemporaryAsync(user))
            ?? await change.AuditAsync(user, "Reset password", "Temporary password set, to be changed at next sign-in; open sessions end"));

    /// <summary>Refuses every sign-in from now on; open sessions end within the revalidation interval.</summary>
    public Task<string?> DeactivateAsync(string userId, string version, string admin) =>
        ForUserAsync(userId, version, admin, async (change, user) =>
        {
            var before = change.StatusOf(user);
            if (before == UserStatus.Deactivated)
            {
                return $"{user.Email} is deactivated already.";
            }

            return (await change.Users.IsInRoleAsync(user, Roles.Admin) ? await change.KeepAnotherAdminAsync(user, "deactivating them") : null)
                ?? await Check(change.Users.SetLockoutEnabledAsync(user, true))
                ?? await Check(change.Users.SetLockoutEndDateAsync(user, Deactivation.Until))
                ?? await Check(change.Users.UpdateSecurityStampAsync(user))
                ?? await change.AuditAsync(user, "Deactivated user", $"Status: {before.Words()} → {UserStatus.Deactivated.Words()}");
        });

    public Task<string?> ReactivateAsync(string userId, string version, string admin) =>
        ForUserAsync(userId, version, admin, async (change, user) =>
            !user.IsDeactivated() ? $"{user.Email} is not deactivated."
            : await Check(change.Users.SetLockoutEndDateAsync(user, null))
              ?? await Check(change.Users.ResetAccessFailedCountAsync(user))
              ?? await change.AuditAsync(user, "Reactivated user", $"Status: {UserStatus.Deactivated.Words()} → {UserStatus.Active.Words()}"));

    /// <summary>Ends a lockout after failed sign-ins (not a deactivation: that is <see cref="ReactivateAsync"/>).</summary>
    public Task<string?> UnlockAsync(string userId, string version, string admin) =>
        ForUserAsync(userId, version, admin, async (change, user) =>
            change.StatusOf(user) switch
            {
                UserStatus.Deactivated => $"{user.Email} is deactivated: reactivate them instead.",
                UserStatus.Active => $"{user.Email} is not locked out.",
                _ => await Check(change.Users.SetLockoutEndDateAsync(user, null))
                     ?? await Check(change.Users.ResetAccessFailedCountAsync(user))
                     ?? await change.AuditAsync(user, "Unlocked user", $"Status: {UserStatus.LockedOut.Words()} → {UserStatus.Active.Words()}"),
            });

    private Task<string?> ForUserAsync(string userId, string version, string admin, Func<UserChange, ApplicationUser, Task<string?>> work) =>
        InTransactionAsync(admin, async change =>
        {
            // First, so that the last-Admin rule counts what committed before this change (see LockAdminsAsync).
            await change.LockAdminsAsync();
            if (await change.Users.FindByIdAsync(userId) is not { } user)
            {
                return "That user no longer exists.";
            }

            return user.ConcurrencyStamp != version ? Stale : await work(change, user);
        });

    private async Task<string?> InTransactionAsync(string admin, Func<UserChange, Task<string?>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            var error = await work(new UserChange(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), db, admin, clock));
            if (error is null)
            {
                await transaction.CommitAsync();
            }

            return error;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
