using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;
using Portal.Features.Notifications;
using Radzen;

namespace Portal.Features.Admin.Outbox;

/// <summary>A row of the outbox grid. A class with settable properties, so the grid's filters and sorts translate to SQL.</summary>
public sealed class OutboxRow
{
    public int Id { get; init; }
    public NoticeStatus Status { get; init; }
    public int SalesOrderId { get; init; }
    public string Customer { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public int AttemptCount { get; init; }
    public string? LastError { get; init; }

    public string OrderNumber => SalesOrder.Format(SalesOrderId);
}

/// <param name="OrderBy">The grid's sort, e.g. <c>"DueAt desc"</c>; newest first when empty.</param>
/// <param name="Filters">The grid's column filters, all of which must hold.</param>
public sealed record OutboxQuery(int Skip, int Take, string? OrderBy = null, IEnumerable<FilterDescriptor>? Filters = null);

public sealed record OutboxResult(IReadOnlyList<OutboxRow> Rows, int Count);

public sealed class OutboxService(IDbContextFactory<PortalDbContext> dbFactory, NoticeQueries queries, TimeProvider clock)
{
    public async Task<OutboxResult> ListAsync(OutboxQuery request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CustomerNotices.Join(db.Customers, n => n.CustomerId, c => c.Id, (n, c) => new OutboxRow
        {
            Id = n.Id,
            Status = n.Status,
            SalesOrderId = n.SalesOrderId,
            Customer = c.Name,
            CreatedAt = n.CreatedAt,
            DueAt = n.DueAt,
            SentAt = n.SentAt,
            AttemptCount = n.AttemptCount,
            LastError = n.LastError,
        });
        if (request.Filters?.Any() == true)
        {
            query = query.Where(request.Filters, LogicalFilterOperator.And, FilterCaseSensitivity.CaseInsensitive);
        }

        var count = await query.CountAsync(cancellationToken);
        query = string.IsNullOrWhiteSpace(request.OrderBy)
            ? query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            : query.OrderBy(request.OrderBy);
        var rows = await query.Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        return new OutboxResult(rows, count);
    }

    public Task<NoticeDetail?> DetailAsync(int noticeId, CancellationToken cancellationToken = default) =>
        queries.DetailAsync(noticeId, cancellationToken);

    /// <summary>Sends a failed notice once more at the next run; returns why not, or null when it is queued again.</summary>
    public async Task<string?> RetryAsync(int noticeId, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await db.CustomerNotices.SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null)
        {
            return $"Email {noticeId} no longer exists.";
        }

        try
        {
            var lastError = notice.LastError;
            notice.Retry(clock.GetUtcNow());
            db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), user, "CustomerNotice", noticeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Retried email", $"Order {SalesOrder.Format(notice.SalesOrderId)}, after {notice.AttemptCount} attempts; last error: {lastError}"));
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Someone else changed this email meanwhile. Reload to see where it stands.";
        }
    }
}
