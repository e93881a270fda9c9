using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Admin.Users;

namespace Portal.Features.Admin;

public sealed record AdminOverview(int PendingNotices, int FailedNotices, int ProductsAwaitingAllocation, IReadOnlyList<UserSummary> Users);

public sealed class AdminOverviewService(IDbContextFactory<PortalDbContext> dbFactory, UserAdminService users)
{
    public async Task<AdminOverview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.CustomerNotices.CountAsync(n => n.Status == NoticeStatus.Pending, cancellationToken);
        var failed = await db.CustomerNotices.CountAsync(n => n.Status == NoticeStatus.Failed, cancellationToken);
        var dirty = await db.PendingAllocations.CountAsync(cancellationToken);
        return new AdminOverview(pending, failed, dirty, await users.ListAsync());
    }
}
