using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Features.Allocation;

namespace Portal.Features.Sales.CustomerReplies;

/// <summary>Reads one order for its customer's page, in words a customer understands (docs/customer-replies.md#the-page).</summary>
internal static class CustomerOrderReader
{
    public static async Task<CustomerOrderView?> ReadAsync(PortalDbContext db, int orderId, int customerId, TimeProvider clock, CancellationToken cancellationToken)
    {
        var order = await db.SalesOrders.AsNoTracking().Include(o => o.Customer).Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == orderId && o.CustomerId == customerId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var productIds = order.Lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Sku, p.Name }, cancellationToken);
        var poIds = order.Lines.Where(l => l.EtaPurchaseOrderId is not null).Select(l => l.EtaPurchaseOrderId!.Value).Distinct().ToList();
        var arrivals = await db.PurchaseOrderLines.AsNoTracking()
            .Where(p => poIds.Contains(p.PurchaseOrderId) && productIds.Contains(p.ProductId))
            .Select(p => new { p.PurchaseOrderId, p.ProductId, p.ExpectedDate })
            .ToListAsync(cancellationToken);
        var lineIds = order.Lines.Select(l => l.Id).ToList();
        var questions = await db.LaterDateQuestions.AsNoTracking()
            .Where(q => lineIds.Contains(q.SalesOrderLineId) && q.Answer == LaterDateAnswer.Open)
            .ToListAsync(cancellationToken);
        var shipDates = (await AllocationRules.LoadAsync(db, clock, cancellationToken)).ShipDates;
        var companyName = await db.Settings.AsNoTracking().Select(s => s.CompanyName).SingleAsync(cancellationToken);
        var anyWaiting = order.Lines.Any(l => l.Backordered > 0);

        var lines = order.Lines.OrderBy(l => l.LineNumber).Select(l =>
        {
            var date = l.Backordered + l.Allocated > 0 ? StoredEta.FromStore(l.EtaDate, l.EtaBasis, l.EtaOverdue, shipDates) : null;
            var arrival = arrivals.Where(a => a.PurchaseOrderId == l.EtaPurchaseOrderId && a.ProductId == l.ProductId)
                .Select(a => (DateOnly?)a.ExpectedDate).Min();
            var question = questions.Where(q => q.SalesOrderLineId == l.Id).OrderByDescending(q => q.AskedAt).FirstOrDefault();
            return new CustomerLineView(l.LineNumber, l.Version, products[l.ProductId].Sku, products[l.ProductId].Name,
                l.Ordered, l.Shipped, l.Allocated, l.Backordered, l.Cancelled, date,
                Reason(l, arrival, order.ShipComplete && anyWaiting),
                question is not null && l.Backordered > 0 ? new LaterDateOffer(question.Id, question.WasDate, question.NewDate) : null);
        }).ToList();
        return new CustomerOrderView(order.Id, order.Version, order.CustomerReference, order.Customer.Name, order.Status,
            order.ShipComplete, lines, companyName);
    }

    /// <summary>Why the line's date is what it is, in plain words; null once nothing is left to ship.</summary>
    internal static string? Reason(SalesOrderLine line, DateOnly? supplierDate, bool waitsForRestOfOrder) => line switch
    {
        { Backordered: > 0, EtaBasis: EtaBasis.PurchaseOrder, EtaOverdue: true } => "arriving from our supplier, who is late; we expect it any day",
        { Backordered: > 0, EtaBasis: EtaBasis.PurchaseOrder } => supplierDate is { } arrives
            ? $"arriving from our supplier, expected {Show.Date(arrives)}"
            : "arriving from our supplier",
        { Backordered: > 0, EtaBasis: EtaBasis.LeadTime } => "we have not ordered it from the supplier yet",
        { Backordered: > 0, EtaBasis: EtaBasis.Unknown } => "we are waiting for a date from our supplier",
        { Backordered: > 0 } => "we are working out the date",
        { Allocated: > 0 } when waitsForRestOfOrder => "ready, and waiting for the rest of your order, which you asked for all at once",
        { Allocated: > 0 } => "ready; it leaves our warehouse once picked",
        _ => null,
    };
}
