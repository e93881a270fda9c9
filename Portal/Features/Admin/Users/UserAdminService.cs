using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Identity;

namespace Portal.Features.Admin.Users;

public sealed record UserSummary(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>
/// Users and their roles. Each operation runs in a scope and transaction of its own, so Identity's change tracking
/// never outlives it in a long-lived interactive page; each change and its audit row commit together or not at all.
/// Methods return null when done, or Identity's message (weak password, duplicate email, ...).
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new
        {
            u.Id,
            u.Email,
            u.DisplayName,
            u.LockoutEnd,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
        }).ToListAsync();
        return users.Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, u.Roles.Order().ToList(), u.LockoutEnd > now)).ToList();
    }

    public Task<string?> CreateAsync(string email, string displayName, string password, IReadOnlyCollection<string> roles, string admin) =>
        InTransactionAsync(admin, async work =>
        {
            var user = new ApplicationUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(), EmailConfirmed = true };
            return await Check(work.Users.CreateAsync(user, password))
                ?? await Check(work.Users.AddToRolesAsync(user, ValidRoles(roles)))
                ?? await work.AuditAsync(user, "Created user", string.Join(", ", roles));
        });

    public Task<string?> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, string admin) =>
        ForUserAsync(userId, admin, async (work, user) =>
        {
            var current = await work.Users.GetRolesAsync(user);
            var wanted = ValidRoles(roles);
            return await Check(work.Users.RemoveFromRolesAsync(user, current.Except(wanted)))
                ?? await Check(work.Users.AddToRolesAsync(user, wanted.Except(current)))
                ?? await Check(work.Users.UpdateSecurityStampAsync(user)) // ends the user's sessions, so new roles apply at once
                ?? await work.AuditAsync(user, "Changed roles", string.Join(", ", wanted));
        });

    public Task<string?> UnlockAsync(string userId, string admin) =>
        ForUserAsync(userId, admin, async (work, user) =>
            await Check(work.Users.SetLockoutEndDateAsync(user, null))
            ?? await Check(work.Users.ResetAccessFailedCountAsync(user))
            ?? await work.AuditAsync(user, "Unlocked user", null));

    private static IReadOnlyCollection<string> ValidRoles(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? throw new ArgumentException("Give the user at least one role.")
        : roles.Any(r => !Roles.All.Contains(r)) ? throw new ArgumentException($"Unknown role in {string.Join(", ", roles)}.")
        : roles;

    private static async Task<string?> Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        return result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));
    }

    private Task<string?> ForUserAsync(string userId, string admin, Func<UserWork, ApplicationUser, Task<string?>> change) =>
        InTransactionAsync(admin, async work =>
            await work.Users.FindByIdAsync(userId) is { } user ? await change(work, user) : "That user no longer exists.");

    private async Task<string?> InTransactionAsync(string admin, Func<UserWork, Task<string?>> change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        try
        {
            var error = await change(new UserWork(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), db, admin, clock));
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

    private sealed record UserWork(UserManager<ApplicationUser> Users, PortalDbContext Db, string Admin, TimeProvider Clock)
    {
        public async Task<string?> AuditAsync(ApplicationUser user, string action, string? details)
        {
            Db.AuditEvents.Add(new AuditEvent(Clock.GetUtcNow(), Admin, "User", user.Email ?? user.Id, action, details));
            await Db.SaveChangesAsync();
            return null;
        }
    }
}
