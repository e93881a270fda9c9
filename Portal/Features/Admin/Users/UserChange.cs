using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Identity;

namespace Portal.Features.Admin.Users;

/// <summary>
/// One change to users, inside one transaction: Identity's user manager and the context it writes through, who makes
/// the change, and what every change needs (the audit row, the last-Admin rule, the refusal of bad roles).
/// </summary>
internal sealed record UserChange(UserManager<ApplicationUser> Users, PortalDbContext Db, string Admin, TimeProvider Clock)
{
    public async Task<string?> AuditAsync(ApplicationUser user, string action, string details)
    {
        Db.AuditEvents.Add(new AuditEvent(Clock.GetUtcNow(), Admin, "User", user.Email ?? user.Id, action, details));
        await Db.SaveChangesAsync();
        return null;
    }

    public UserStatus StatusOf(ApplicationUser user) =>
        user.IsDeactivated() ? UserStatus.Deactivated : user.LockoutEnd > Clock.GetUtcNow() ? UserStatus.LockedOut : UserStatus.Active;

    /// <summary>
    /// Takes the Admin role's row lock, so changes that may take away an Admin run one after another: two Admins
    /// demoting each other at the same moment cannot both succeed. (SQLite's transactions are serial already.)
    /// </summary>
    public Task LockAdminsAsync() =>
        Db.Roles.Where(r => r.NormalizedName == Roles.Admin.ToUpperInvariant())
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, r => r.ConcurrencyStamp));

    /// <summary>Refuses when <paramref name="user"/> is the only active Admin; call after <see cref="LockAdminsAsync"/>.</summary>
    public async Task<string?> KeepAnotherAdminAsync(ApplicationUser user, string change)
    {
        var others = await (from userRole in Db.UserRoles
                            join role in Db.Roles on userRole.RoleId equals role.Id
                            join other in Db.Users on userRole.UserId equals other.Id
                            where role.Name == Roles.Admin && other.Id != user.Id && (other.LockoutEnd == null || other.LockoutEnd < Deactivation.Until)
                            select other.Id).CountAsync();
        return others > 0 ? null
            : $"{user.Email} is the last active Admin: {change} would leave nobody to manage users. Give another user the Admin role first.";
    }

    /// <summary>The roles as given, or an <see cref="ArgumentException"/> saying what is wrong with them.</summary>
    public static IReadOnlyList<string> Checked(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? throw new ArgumentException("Roles: give the user at least one role.")
        : roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown ? throw new ArgumentException($"Roles: there is no role \"{unknown}\".")
        : Roles.All.Where(roles.Contains).ToList();

    public static async Task<string?> Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        return result.Succeeded ? null
            : result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? Stale
            : string.Join(" ", result.Errors.Where(e => !SaidByEmail(e, result.Errors)).Select(e => e.Description));
    }

    // The user name is the email: a taken or malformed email is said once, as the email's.
    private static bool SaidByEmail(IdentityError error, IEnumerable<IdentityError> all) =>
        (error.Code, all.Select(e => e.Code).ToList()) switch
        {
            (nameof(IdentityErrorDescriber.DuplicateUserName), var codes) => codes.Contains(nameof(IdentityErrorDescriber.DuplicateEmail)),
            (nameof(IdentityErrorDescriber.InvalidUserName), var codes) => codes.Contains(nameof(IdentityErrorDescriber.InvalidEmail)),
            _ => false,
        };

    public const string Stale = "Someone else changed this user since the list was loaded. Nothing was saved: check the list, then try again.";

    public static string List(IEnumerable<string> roles) => roles.Any() ? string.Join(", ", roles) : "none";
}
