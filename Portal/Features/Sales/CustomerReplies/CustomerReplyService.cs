using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;
using Portal.Features.Notifications;
using Portal.Features.Notifications.Links;
using Portal.Features.Sales.Common;
using Portal.Features.Sales.OrderDetail;

namespace Portal.Features.Sales.CustomerReplies;

/// <summary>
/// What a customer can do through the link in an email, with no account (docs/customer-replies.md): see their order,
/// cancel what still waits on a line, accept a later date, choose how the order ships, and ask for a fresh link. Each
/// choice goes through the order's own change path (<see cref="OrderDetailService"/>) as the customer, and in the same
/// transaction records the reply the rep sees, answers an open later-date question and queues the confirmation email.
/// </summary>
public sealed class CustomerReplyService(
    IDbContextFactory<PortalDbContext> dbFactory, OrderDetailService orders, OrderLinks links, NoticeOutbox outbox, TimeProvider clock)
{
    /// <summary>Who the audit log names for a customer's choice.</summary>
    public const string User = "customer (via emailed link)";

    public const string CancellationReason = "cancelled by the customer through the emailed link";

    /// <summary>How long after one fresh link for an order another is refused (quietly: the page says the same).</summary>
    public static readonly TimeSpan FreshLinkInterval = TimeSpan.FromMinutes(15);

    public OrderLinkRead ReadLink(string? token) => links.Read(token);

    /// <summary>The order the link names, only when the link is valid and the order still belongs to its customer.</summary>
    public async Task<CustomerOrderView?> GetAsync(OrderLinkRead link, CancellationToken cancellationToken = default)
    {
        if (link.State != OrderLinkState.Valid)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CustomerOrderReader.ReadAsync(db, link.OrderId, link.CustomerId, clock, cancellationToken);
    }

    /// <summary>
    /// Cancels what has not shipped on the line: the waiting units, and units ready but not yet picked, which go back to
    /// stock for the next waiting order (docs/customer-replies.md#cancelling). Null when done, else why not.
    /// </summary>
    public Task<string?> CancelRestAsync(OrderLinkRead link, int lineNumber, int lineVersion) =>
        ChangeAsync(link, order => FreshLine(order, lineNumber, lineVersion), async (db, order) =>
        {
            var line = order.Line(lineNumber);
            var rest = line.Unshipped;
            if (rest == 0)
            {
                throw new DomainException($"Nothing is left to cancel on line {lineNumber}.");
            }

            var change = await OrderDetailService.CancelUnitsAsync(db, order, lineNumber, rest, CancellationReason);
            await AnswerQuestionsAsync(db, [line.Id], LaterDateAnswer.Cancelled);
            var product = await ProductAsync(db, line.ProductId);
            await ReplyAsync(db, order, new CustomerReply(order.Id, lineNumber, CustomerReplyKind.CancelledWaiting, rest, null, clock.GetUtcNow()),
                [line], $"cancel the {Show.Count(rest)} units of {product} not yet shipped");
            return change;
        });

    /// <summary>Accepts the later date the customer was asked about for the line. Null when done, else why not.</summary>
    public Task<string?> AcceptLaterDateAsync(OrderLinkRead link, int lineNumber, int lineVersion) =>
        ChangeAsync(link, order => FreshLine(order, lineNumber, lineVersion), async (db, order) =>
        {
            var line = order.Line(lineNumber);
            var question = await db.LaterDateQuestions
                .Where(q => q.SalesOrderLineId == line.Id && q.Answer == LaterDateAnswer.Open)
                .OrderByDescending(q => q.AskedAt).FirstOrDefaultAsync()
                ?? throw new DomainException($"There is no later date on line {lineNumber} waiting for your answer.");
            if (line.Backordered == 0)
            {
                throw new DomainException($"Nothing waits on line {lineNumber} any more.");
            }

            question.Answered(LaterDateAnswer.Accepted, clock.GetUtcNow());
            var product = await ProductAsync(db, line.ProductId);
            await ReplyAsync(db, order, new CustomerReply(order.Id, lineNumber, CustomerReplyKind.AcceptedLaterDate, 0, question.NewDate, clock.GetUtcNow()),
                [line], $"you accept the later date {Show.Date(question.NewDate)} for {product}");
            return new OrderChange("Customer accepted later date", $"Line {lineNumber}: {Show.Date(question.NewDate)} (was {Show.Date(question.WasDate)})", []);
        });

    /// <summary>Ship the order complete (all at once) or what is ready as it becomes ready. Null when done, else why not.</summary>
    public Task<string?> ChooseShippingAsync(OrderLinkRead link, bool shipComplete, int orderVersion) =>
        ChangeAsync(link, order =>
        {
            if (order.Version != orderVersion)
            {
                throw new DomainException(
                    "Your order changed since you opened this page, so we did not change anything. This is how it stands now; choose again if you still want to.");
            }
        }, async (db, order) =>
        {
            order.ChangeShipComplete(shipComplete);
            var open = order.Lines.Where(l => l.Unshipped > 0).ToList();
            await ReplyAsync(db, order,
                new CustomerReply(order.Id, null, shipComplete ? CustomerReplyKind.ShipComplete : CustomerReplyKind.ShipWhatIsReady, 0, null, clock.GetUtcNow()),
                open, shipComplete ? "ship the order all at once, when everything is ready" : "ship what is ready as it becomes ready");
            return new OrderChange(shipComplete ? "Changed to ship complete" : "Changed to ship what is ready", "asked by the customer",
                OrderDetailService.AllProducts(order));
        });

    /// <summary>
    /// An expired link's customer asks for a fresh one: it goes to the address on file, never anywhere else, at most once
    /// every <see cref="FreshLinkInterval"/> per order. Returns whether one was queued; the page says the same either way.
    /// </summary>
    public async Task<bool> SendFreshLinkAsync(OrderLinkRead expired)
    {
        if (expired.State == OrderLinkState.Invalid)
        {
            return false;
        }

        return await QueueFreshLinkAsync(expired.OrderId, customer => customer.Id == expired.CustomerId);
    }

    /// <summary>
    /// Someone without a working link names an order and the address the portal writes to; only when both match the
    /// records does the address on file get a fresh link. Returns whether one was queued; the page never says.
    /// </summary>
    public async Task<bool> SendFreshLinkAsync(string? orderNumber, string? email)
    {
        if (!SalesOrder.TryParseNumber(orderNumber, out var orderId) || string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var typed = email.Trim();
        return await QueueFreshLinkAsync(orderId, customer => string.Equals(customer.Email, typed, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<bool> QueueFreshLinkAsync(int orderId, Func<Customer, bool> owns) =>
        await dbFactory.RetryOnConflictAsync(async db =>
        {
            var order = await db.SalesOrders.Include(o => o.Customer).Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId);
            if (order is null || order.Customer.Email is null || !owns(order.Customer))
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var since = now - FreshLinkInterval;
            var lineIds = order.Lines.Select(l => l.Id).ToList();
            if (await db.NoticeEvents.AnyAsync(e => lineIds.Contains(e.SalesOrderLineId) && e.Kind == NoticeKind.LinkRequested && e.OccurredAt > since))
            {
                return false;
            }

            var lines = order.Lines.Where(l => l.Unshipped > 0).DefaultIfEmpty(order.Lines[0]).ToList();
            await outbox.QueueNowAsync(db, lines.Select(l =>
                new QueuedNotice(order.Id, order.CustomerId, new NoticeEvent(l.Id, NoticeKind.LinkRequested, 0, null, null, now))).ToList());
            db.AuditEvents.Add(new AuditEvent(now, User, SalesAudit.Order, order.Number, "Customer asked for a fresh link", "sent to the address on file"));
            await db.SaveChangesAsync();
            return true;
        });

    private Task<string?> ChangeAsync(OrderLinkRead link, Action<SalesOrder> checkFresh, Func<PortalDbContext, SalesOrder, Task<OrderChange>> apply)
    {
        if (link.State != OrderLinkState.Valid)
        {
            return Task.FromResult<string?>("This link no longer works, so nothing was changed.");
        }

        return orders.ChangeAsync(link.OrderId, order =>
        {
            if (order.CustomerId != link.CustomerId)
            {
                throw new DomainException("This link no longer works, so nothing was changed.");
            }

            checkFresh(order);
        }, User, apply);
    }

    private static void FreshLine(SalesOrder order, int lineNumber, int lineVersion)
    {
        if (order.Lines.SingleOrDefault(l => l.LineNumber == lineNumber) is not { } line || line.Version != lineVersion)
        {
            throw new DomainException(
                $"Line {lineNumber} changed since you opened this page (something shipped, was cancelled or got a new date), so we did not change anything. "
                + "This is how it stands now; choose again if you still want to.");
        }
    }

    // The reply the rep sees and the email that confirms it, in the transaction of the change.
    private async Task ReplyAsync(PortalDbContext db, SalesOrder order, CustomerReply reply, IReadOnlyCollection<SalesOrderLine> lines, string inTheirWords)
    {
        db.CustomerReplies.Add(reply);
        var now = clock.GetUtcNow();
        await outbox.QueueAsync(db, lines.Select(l =>
            new QueuedNotice(order.Id, order.CustomerId, new NoticeEvent(l.Id, NoticeKind.CustomerReply, 0, null, inTheirWords, now))).ToList());
    }

    private async Task AnswerQuestionsAsync(PortalDbContext db, IReadOnlyCollection<int> lineIds, LaterDateAnswer answer)
    {
        var open = await db.LaterDateQuestions.Where(q => lineIds.Contains(q.SalesOrderLineId) && q.Answer == LaterDateAnswer.Open).ToListAsync();
        foreach (var question in open)
        {
            question.Answered(answer, clock.GetUtcNow());
        }
    }

    private static async Task<string> ProductAsync(PortalDbContext db, int productId) =>
        await db.Products.Where(p => p.Id == productId).Select(p => p.Sku + " " + p.Name).SingleAsync();
}
