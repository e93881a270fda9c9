using Microsoft.EntityFrameworkCore;
using Portal.Data;
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
        var shipDates = (await AllocationRules.LoadAsync(db, clock, cancellationToken)).ShipDates;
        var companyName = await db.Settings.AsNoTracking().Select(s => s.CompanyName).SingleAsync(cancellationToken);
        return new NoticeContent(notice.SalesOrderId, order.CustomerName, order.CustomerReference,
            lines.Select(l => NoticeLine.Of(l.Line, l.Sku, l.Name, shipDates, notice.Events.Where(e => e.SalesOrderLineId == l.Line.Id)))
                .OrderBy(l => l.LineNumber).ToList(), companyName);
    }
}
