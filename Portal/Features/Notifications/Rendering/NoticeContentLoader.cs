using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Notifications;
using Portal.Features.Allocation;

namespace Portal.Features.Notifications.Rendering;

/// <summary>
/// Reads what a notice will say from the order as it is now, not as it was when the events were queued; the events say
/// what is news (<see cref="LineNews"/>).
/// </summary>
internal static class NoticeContentLoader
{
    public static async Task<NoticeContent> LoadAsync(
        PortalDbContext db, CustomerNotice notice, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lineIds = notice.Events.Select(e => e.SalesOrderLineId).Distinct().ToList();
        var order = await db.SalesOrders.AsNoTracking()
            .Where(o => o.Id == notice.SalesOrderId)
            .Select(o => new { o.CustomerReference, CustomerName = o.Customer.Name })
            .SingleAsync(cancellationToken);
        var lines = await db.SalesOrderLines.AsNoTracking()
            .Where(l => l.SalesOrderId == notice.SalesOrderId && lineIds.Contains(l.Id))
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { Line = l, p.Sku, p.Name })
            .ToListAsync(cancellationToken);
        var rules = await AllocationRules.LoadAsync(db, clock, cancellationToken);
        var settings = await db.Settings.AsNoTracking().Select(s => new { s.CompanyName, s.LaterDateQuestionDays }).SingleAsync(cancellationToken);
        var replies = notice.Events.Where(e => e.Kind == NoticeKind.CustomerReply && e.Note is not null)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Select(e => e.Note!).Distinct().ToList();
        return new NoticeContent(notice.SalesOrderId, order.CustomerName, order.CustomerReference,
            lines.Select(l => NoticeLine.Of(l.Line, l.Sku, l.Name, rules.ShipDates, notice.Events.Where(e => e.SalesOrderLineId == l.Line.Id)))
                .Select(l => l with { AsksToAccept = SlippedTooFar(l, rules.Calendar, settings.LaterDateQuestionDays) })
                .OrderBy(l => l.LineNumber).ToList(), settings.CompanyName, Replies: replies);
    }

    // A new, later date beyond the setting asks the customer to accept it or cancel (docs/customer-replies.md#a-later-date).
    private static bool SlippedTooFar(NoticeLine line, BusinessCalendar calendar, int allowedDays) =>
        line.News.Has(News.NewDate) && line.News.WasEta is { } was && line.PromisedDate is { } now
        && calendar.BusinessDaysBetween(was, now) > allowedDays;
}
