using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Features.Common;

namespace Portal.Features.Admin.Audit;

/// <summary>What an Admin narrows the audit log to; every part is optional. Days are UTC days, both ends included.</summary>
public sealed record AuditFilter(string? User = null, string? Entity = null, DateOnly? From = null, DateOnly? To = null, string? Search = null);

public sealed class AuditLogService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Newest first; the search matches the entity id, action or details.</summary>
    public async Task<Page<AuditEvent>> GetAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(a => a.User == filter.User);
        }

        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            query = query.Where(a => a.Entity == filter.Entity);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            query = query.Where(a => a.EntityId.Contains(term) || a.Action.Contains(term) || a.Details!.Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var events = await query.OrderByDescending(a => a.Id).Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(cancellationToken);
        return new Page<AuditEvent>(events, total);
    }

    /// <summary>The users and kinds of entity the log holds, for the filters' choices.</summary>
    public async Task<(IReadOnlyList<string> Users, IReadOnlyList<string> Entities)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.AuditEvents.Select(a => a.User).Distinct().OrderBy(u => u).ToListAsync(cancellationToken);
        var entities = await db.AuditEvents.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
        return (users, entities);
    }
}
