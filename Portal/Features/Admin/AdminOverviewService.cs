using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;

namespace Portal.Features.Admin;

public sealed record AdminOverview(int PendingNotices, int FailedNotices, int ProductsAwaitingAllocation, IReadOnlyList<UserRow> Users);

public sealed record UserRow(string Email, string DisplayName, string Roles, bool LockedOut);

public sealed class AdminOverviewService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<AdminOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.CustomerNotices.CountAsync(n => n.Status == NoticeStatus.Pending, cancellationToken);
        var failed = await db.CustomerNotices.CountAsync(n => n.Status == NoticeStatus.Failed, cancellationToken);
        var dirty = await db.PendingAllocations.CountAsync(cancellationToken);

        var users = await db.Users.OrderBy(u => u.Email).Select(u => new
        {
            u.Email,
            u.DisplayName,
            u.LockoutEnd,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
        }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new AdminOverview(pending, failed, dirty, users
            .Select(u => new UserRow(u.Email ?? "", u.DisplayName, string.Join(", ", u.Roles), u.LockoutEnd > now))
            .ToList());
    }
}
