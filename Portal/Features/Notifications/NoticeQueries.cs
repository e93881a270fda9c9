using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;
using Portal.Features.Notifications.Rendering;

namespace Portal.Features.Notifications;

/// <summary>One email as Sales sees it on the order page.</summary>
public sealed record OrderEmailRow(
    int Id, NoticeStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? Subject, string? ToAddress,
    string? Reason, int Attempts)
{
    public bool HasBody => Subject is not null;
}

/// <summary>The emails of one order, and whether its customer can receive any.</summary>
public sealed record OrderEmailSummary(
    int SalesOrderId, string CustomerName, bool CustomerHasEmail, bool CustomerOptedOut, IReadOnlyList<OrderEmailRow> Emails)
{
    public string OrderNumber => SalesOrder.Format(SalesOrderId);
}

/// <summary>
/// For the customers list: a customer whose emails cannot go out. <paramref name="Undelivered"/> counts notices
/// suppressed for lack of an address or failed for good; <paramref name="LastUndeliveredAt"/> is the latest of them.
/// </summary>
public sealed record CustomerEmailStatus(int CustomerId, bool HasEmail, bool OptedOut, int Undelivered, DateTimeOffset? LastUndeliveredAt)
{
    public bool NeedsAttention => !HasEmail || Undelivered > 0;
}

public sealed record NoticeAttemptRow(DateTimeOffset AttemptedAt, bool Succeeded, string? Error);

/// <summary>Everything about one notice: what it said (text and HTML), why, and every delivery attempt.</summary>
public sealed record NoticeDetail(
    int Id, int SalesOrderId, string CustomerName, NoticeStatus Status, DateTimeOffset CreatedAt, DateTimeOffset DueAt,
    DateTimeOffset? SentAt, string? ToAddress, string? Subject, string? TextBody, string? HtmlBody, string? LastError,
    int AttemptCount, IReadOnlyList<NoticeAttemptRow> Attempts, IReadOnlyList<string> Changes)
{
    public string OrderNumber => SalesOrder.Format(SalesOrderId);
}

/// <summary>Read-only questions about customer emails, for the order page, the customers list and the outbox.</summary>
public sealed class NoticeQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<OrderEmailSummary?> ForOrderAsync(int salesOrderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.SalesOrders.Where(o => o.Id == salesOrderId)
            .Select(o => new { o.Customer.Name, o.Customer.Email, o.Customer.NotificationsOptOut })
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var emails = await db.CustomerNotices.Where(n => n.SalesOrderId == salesOrderId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new OrderEmailRow(n.Id, n.Status, n.CreatedAt, n.SentAt, n.Subject, n.ToAddress,
                n.Status == NoticeStatus.Sent ? null : n.LastError, n.AttemptCount))
            .ToListAsync(cancellationToken);
        return new OrderEmailSummary(salesOrderId, customer.Name, customer.Email is not null, customer.NotificationsOptOut, emails);
    }

    public async Task<IReadOnlyDictionary<int, CustomerEmailStatus>> ForCustomersAsync(
        IReadOnlyCollection<int> customerIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = customerIds.Distinct().ToList();
        var customers = await db.Customers.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Email, c.NotificationsOptOut })
            .ToListAsync(cancellationToken);
        var undelivered = await db.CustomerNotices
            .Where(n => ids.Contains(n.CustomerId)
                        && (n.Status == NoticeStatus.Failed || (n.Status == NoticeStatus.Suppressed && n.LastError == SuppressionReasons.NoAddress)))
            .GroupBy(n => n.CustomerId)
            .Select(g => new { CustomerId = g.Key, Count = g.Count(), Last = g.Max(n => n.CreatedAt) })
            .ToDictionaryAsync(u => u.CustomerId, cancellationToken);
        return customers.ToDictionary(c => c.Id, c =>
        {
            var missed = undelivered.GetValueOrDefault(c.Id);
            return new CustomerEmailStatus(c.Id, c.Email is not null, c.NotificationsOptOut, missed?.Count ?? 0, missed?.Last);
        });
    }

    public async Task<NoticeDetail?> DetailAsync(int noticeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await db.CustomerNotices.AsNoTracking().AsSplitQuery()
            .Include(n => n.Attempts).Include(n => n.Events)
            .SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var customerName = await db.Customers.Where(c => c.Id == notice.CustomerId).Select(c => c.Name).SingleAsync(cancellationToken);
        var lineIds = notice.Events.Select(e => e.SalesOrderLineId).Distinct().ToList();
        var lines = await db.SalesOrderLines.Where(l => lineIds.Contains(l.Id))
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { l.Id, l.LineNumber, p.Sku })
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var changes = notice.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => NoticeChangeText.Describe(e, lines.TryGetValue(e.SalesOrderLineId, out var l) ? $"line {l.LineNumber} ({l.Sku})" : "a removed line"))
            .ToList();
        return new NoticeDetail(notice.Id, notice.SalesOrderId, customerName, notice.Status, notice.CreatedAt, notice.DueAt, notice.SentAt,
            notice.ToAddress, notice.Subject, notice.TextBody, notice.HtmlBody, notice.LastError, notice.AttemptCount,
            notice.Attempts.OrderBy(a => a.AttemptedAt).ThenBy(a => a.Id).Select(a => new NoticeAttemptRow(a.AttemptedAt, a.Succeeded, a.Error)).ToList(),
            changes);
    }
}
