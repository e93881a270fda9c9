using Microsoft.EntityFrameworkCore;
using Portal.Domain.Common;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Domain.Notifications;
using Portal.Features.Allocation;

namespace Portal.Features.Notifications;

public sealed record QueuedNotice(int SalesOrderId, int CustomerId, NoticeEvent Event);

/// <summary>
/// The write side of the outbox. A change and its notice commit in one transaction or not at all: other features
/// add notice events to their unit of work, the allocation run has them written at once inside its transaction.
/// </summary>
public sealed class NoticeOutbox(TimeProvider clock) : INoticeQueue
{
    /// <summary>
    /// The allocation run's hand-off: its line notices become events of their orders' notices, written set-based in
    /// the run's open transaction (see <see cref="NoticeWriter"/>). Two queries and at most three statements
    /// whatever the number of notices; returns the statements written. A notice a sender claimed since it was read
    /// throws <see cref="DbUpdateConcurrencyException"/> before anything is inserted, and the run rolls back.
    /// </summary>
    public async Task<int> QueueAsync(PortalDbContext db, IReadOnlyList<LineNotice> notices, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The allocation run's notices are written inside its transaction; begin one first.");
        }

        if (notices.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var items = notices.Select(n => new QueuedNotice(n.SalesOrderId, n.CustomerId,
            new NoticeEvent(n.SalesOrderLineId, n.Notice.Kind, n.Notice.Quantity, n.Notice.EtaDate, StaffNote(n), now,
                n.Notice.PreviousEtaDate))).ToList();
        var open = await OpenNoticesAsync(db, items.Select(i => i.SalesOrderId).Distinct().ToList(), tracked: false, cancellationToken);
        var joined = open.Values.ToList();
        var created = await AddEventsAsync(db, items, open, cancellationToken);
        return await NoticeWriter.WriteAsync(db, joined, created, cancellationToken);
    }

    /// <summary>
    /// Adds each event to its order's pending notice, or to a new one that is due when the quiet window ends.
    /// Two queries whatever the number of orders. Joining an existing notice checks its version on save: when a
    /// sender claimed it in between, the caller's <c>SaveChangesAsync</c> fails with
    /// <see cref="DbUpdateConcurrencyException"/> and the unit of work should run again, as for any other conflict.
    /// </summary>
    public Task QueueAsync(PortalDbContext db, IReadOnlyCollection<QueuedNotice> items, CancellationToken cancellationToken = default) =>
        QueueAsync(db, items, dueNow: false, cancellationToken);

    /// <summary>
    /// As <see cref="QueueAsync(PortalDbContext, IReadOnlyCollection{QueuedNotice}, CancellationToken)"/>, but a new notice
    /// is due at once: the customer asked for it (a fresh link) and waits for it. An open notice keeps its due time.
    /// </summary>
    public Task QueueNowAsync(PortalDbContext db, IReadOnlyCollection<QueuedNotice> items, CancellationToken cancellationToken = default) =>
        QueueAsync(db, items, dueNow: true, cancellationToken);

    private async Task QueueAsync(PortalDbContext db, IReadOnlyCollection<QueuedNotice> items, bool dueNow, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var orderIds = items.Select(i => i.SalesOrderId).Distinct().ToList();
        var open = await OpenNoticesAsync(db, orderIds, tracked: true, cancellationToken);
        var joined = open.Values.Where(n => db.Entry(n).State != EntityState.Added).ToList();
        db.CustomerNotices.AddRange(await AddEventsAsync(db, items, open, cancellationToken, dueNow));
        foreach (var notice in joined)
        {
            // Saved with "WHERE Version = <read>": a sender that claimed the notice meanwhile makes this save
            // fail rather than the new event ride along on an email that was already rendered.
            db.Entry(notice).Property(n => n.Version).IsModified = true;
        }
    }

    // Each order's events join its open notice, or a new one due when the quiet window ends; returns the new ones.
    private async Task<List<CustomerNotice>> AddEventsAsync(
        PortalDbContext db, IReadOnlyCollection<QueuedNotice> items, Dictionary<int, CustomerNotice> open, CancellationToken cancellationToken,
        bool dueNow = false)
    {
        var now = clock.GetUtcNow();
        TimeSpan? quietWindow = dueNow ? TimeSpan.Zero : null;
        var created = new List<CustomerNotice>();
        foreach (var order in items.GroupBy(i => i.SalesOrderId))
        {
            if (!open.TryGetValue(order.Key, out var notice))
            {
                quietWindow ??= await QuietWindowAsync(db, cancellationToken);
                notice = new CustomerNotice(order.Key, order.First().CustomerId, now, quietWindow.Value);
                open[order.Key] = notice;
                created.Add(notice);
            }

            foreach (var item in order)
            {
                notice.Add(item.Event);
            }
        }

        return created;
    }

    // Stored notices first (the earliest due wins), then open ones this unit of work added in an earlier call.
    // Untracked for the allocation run: it writes the rows itself and never saves its context.
    private static async Task<Dictionary<int, CustomerNotice>> OpenNoticesAsync(
        PortalDbContext db, List<int> orderIds, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.CustomerNotices
            // One array parameter, not one per id: a nightly run can notify more orders than SQLite (32,766) or
            // PostgreSQL (65,535) accept parameters.
            .Where(n => EF.Parameter(orderIds).Contains(n.SalesOrderId) && n.Status == NoticeStatus.Pending && n.Subject == null)
            .OrderBy(n => n.DueAt).ThenBy(n => n.Id);
        var stored = await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken);
        var added = tracked
            ? db.ChangeTracker.Entries<CustomerNotice>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            : [];
        var wanted = orderIds.ToHashSet();
        var open = new Dictionary<int, CustomerNotice>();
        foreach (var notice in stored.Concat(added).Where(n => n.IsOpenForEvents && wanted.Contains(n.SalesOrderId)))
        {
            open.TryAdd(notice.SalesOrderId, notice);
        }

        return open;
    }

    // For staff reading the outbox; the customer's email is written from the line's state when it goes out.
    private static string? StaffNote(LineNotice line) => line.Notice switch
    {
        { Kind: NoticeKind.EtaMoved, PreviousEtaDate: { } before } notice =>
            $"was {Show.Date(before)}, {notice.BusinessDaysMoved:+0;-0;0} business days",
        { Kind: NoticeKind.EtaUnknown or NoticeKind.Backordered } => line.EtaNote,
        _ => null,
    };

    private static async Task<TimeSpan> QuietWindowAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var minutes = await db.Settings.Select(s => (int?)s.QuietWindowMinutes).SingleOrDefaultAsync(cancellationToken);
        return TimeSpan.FromMinutes(minutes ?? new PortalSettings().QuietWindowMinutes);
    }
}
