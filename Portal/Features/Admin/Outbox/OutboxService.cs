using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;
using Portal.Features.Notifications;
using Portal.Features.Common;

namespace Portal.Features.Admin.Outbox;

/// <summary>A row of the outbox grid.</summary>
public sealed record OutboxRow(
    int Id, NoticeStatus Status, int SalesOrderId, string Customer, DateTimeOffset CreatedAt, DateTimeOffset DueAt, DateTimeOffset? SentAt,
    int AttemptCount, string? LastError)
{
    public string OrderNumber => SalesOrder.Format(SalesOrderId);
}

/// <summary>Which emails the outbox lists: one status (or all), and a search over customer, order number and reason.</summary>
/// <param name="Search">Part of the customer's name, an order number ("SO-000123" or 123), or part of the last error or reason.</param>
public sealed record OutboxFilter(NoticeStatus? Status = null, string? Search = null);

public sealed class OutboxService(IDbContextFactory<PortalDbContext> dbFactory, NoticeQueries queries, TimeProvider clock)
{
    /// <summary>The columns the outbox sorts on, by the names <see cref="PageRequest.SortBy"/> carries.</summary>
    public static class Sort
    {
        public const string Status = nameof(OutboxRow.Status);
        public const string Order = nameof(OutboxRow.SalesOrderId);
        public const string Customer = nameof(OutboxRow.Customer);
        public const string Created = nameof(OutboxRow.CreatedAt);
        public const string Due = nameof(OutboxRow.DueAt);
        public const string Attempts = nameof(OutboxRow.AttemptCount);
        public const string LastError = nameof(OutboxRow.LastError);
    }

    /// <summary>One page of emails, filtered, sorted and paged in the database; newest first unless asked otherwise.</summary>
    public async Task<Page<OutboxRow>> ListAsync(OutboxFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CustomerNotices.Join(db.Customers, n => n.CustomerId, c => c.Id, (n, c) => new { Notice = n, Customer = c.Name });
        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Notice.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToUpperInvariant();
            var orderId = ReadOrderNumber(term);
            query = query.Where(x => x.Customer.ToUpper().Contains(term) || x.Notice.SalesOrderId == orderId
                || (x.Notice.LastError != null && x.Notice.LastError.ToUpper().Contains(term)));
        }

        var total = await query.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            (Sort.Status, false) => query.OrderBy(x => x.Notice.Status),
            (Sort.Status, true) => query.OrderByDescending(x => x.Notice.Status),
            (Sort.Order, false) => query.OrderBy(x => x.Notice.SalesOrderId),
            (Sort.Order, true) => query.OrderByDescending(x => x.Notice.SalesOrderId),
            (Sort.Customer, false) => query.OrderBy(x => x.Customer),
            (Sort.Customer, true) => query.OrderByDescending(x => x.Customer),
            (Sort.Created, false) => query.OrderBy(x => x.Notice.CreatedAt),
            (Sort.Due, false) => query.OrderBy(x => x.Notice.DueAt),
            (Sort.Due, true) => query.OrderByDescending(x => x.Notice.DueAt),
            (Sort.Attempts, false) => query.OrderBy(x => x.Notice.AttemptCount),
            (Sort.Attempts, true) => query.OrderByDescending(x => x.Notice.AttemptCount),
            (Sort.LastError, false) => query.OrderBy(x => x.Notice.LastError),
            (Sort.LastError, true) => query.OrderByDescending(x => x.Notice.LastError),
            _ => query.OrderByDescending(x => x.Notice.CreatedAt),
        };
        var rows = await sorted.ThenByDescending(x => x.Notice.Id).Skip(page.SafeSkip).Take(page.SafeTake)
            .Select(x => new OutboxRow(x.Notice.Id, x.Notice.Status, x.Notice.SalesOrderId, x.Customer, x.Notice.CreatedAt, x.Notice.DueAt,
                x.Notice.SentAt, x.Notice.AttemptCount, x.Notice.LastError))
            .ToListAsync(cancellationToken);
        return new Page<OutboxRow>(rows, total);
    }

    // "SO-000123", "so-123" or "123" name order 123; anything else names no order.
    private static int ReadOrderNumber(string term)
    {
        var digits = term.StartsWith("SO-", StringComparison.Ordinal) ? term[3..] : term;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1;
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
