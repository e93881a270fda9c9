using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Features.Common;

namespace Portal.Features.Admin.Audit;

public sealed class AuditLogService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Newest first; the search matches user, entity, entity id or action.</summary>
    public async Task<Page<AuditEvent>> GetAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(a => a.User.Contains(term) || a.Entity.Contains(term) || a.EntityId.Contains(term) || a.Action.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var events = await query.OrderByDescending(a => a.Id).Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);
        return new Page<AuditEvent>(events, total);
    }
}
