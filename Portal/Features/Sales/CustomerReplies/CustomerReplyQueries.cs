using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Sales;

namespace Portal.Features.Sales.CustomerReplies;

public sealed record ReplySeen(int OrderId, string OrderNumber, string Customer, DateTimeOffset At, string Text);

public sealed record UnansweredQuestion(int OrderId, string OrderNumber, string Customer, int LineNumber, string Sku, DateOnly NewDate, DateTimeOffset AskedAt);

public sealed record CustomerReplyOverview(IReadOnlyList<ReplySeen> Recent, IReadOnlyList<UnansweredQuestion> Unanswered);

/// <summary>What reps see of their customers' replies: on the order page, and on the Sales home (docs/customer-replies.md#what-the-rep-sees).</summary>
public sealed class CustomerReplyQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int RecentDays = 7;
    public const int Shown = 10;

    public async Task<IReadOnlyList<ReplySeen>> ForOrderAsync(int orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var replies = await db.CustomerReplies.AsNoTracking().Where(r => r.SalesOrderId == orderId)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(Shown).ToListAsync(cancellationToken);
        return replies.Select(r => new ReplySeen(orderId, SalesOrder.Format(orderId), "", r.At, r.Describe())).ToList();
    }

    /// <summary>Replies of the last week, newest first, and later-date questions left unanswered past the setting.</summary>
    public async Task<CustomerReplyOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-RecentDays);
        var recent = await db.CustomerReplies.AsNoTracking().Where(r => r.At >= since)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(Shown)
            .Join(db.SalesOrders, r => r.SalesOrderId, o => o.Id, (r, o) => new { Reply = r, Customer = o.Customer.Name })
            .ToListAsync(cancellationToken);

        var reminderDays = await db.Settings.AsNoTracking().Select(s => s.UnansweredReminderDays).SingleAsync(cancellationToken);
        var askedBefore = now.AddDays(-reminderDays);
        var unanswered = await db.LaterDateQuestions.AsNoTracking()
            .Where(q => q.Answer == LaterDateAnswer.Open && q.AskedAt <= askedBefore)
            .Join(db.SalesOrderLines.Where(l => l.Backordered > 0), q => q.SalesOrderLineId, l => l.Id, (q, l) => new { Question = q, l.LineNumber, l.ProductId })
            .Join(db.Products, x => x.ProductId, p => p.Id, (x, p) => new { x.Question, x.LineNumber, p.Sku })
            .Join(db.SalesOrders, x => x.Question.SalesOrderId, o => o.Id, (x, o) => new { x.Question, x.LineNumber, x.Sku, Customer = o.Customer.Name })
            .OrderBy(x => x.Question.AskedAt).ThenBy(x => x.Question.Id).Take(Shown)
            .ToListAsync(cancellationToken);

        return new CustomerReplyOverview(
            recent.OrderByDescending(r => r.Reply.At).ThenByDescending(r => r.Reply.Id)
                .Select(r => new ReplySeen(r.Reply.SalesOrderId, SalesOrder.Format(r.Reply.SalesOrderId), r.Customer, r.Reply.At, r.Reply.Describe())).ToList(),
            unanswered.Select(u => new UnansweredQuestion(u.Question.SalesOrderId, SalesOrder.Format(u.Question.SalesOrderId), u.Customer, u.LineNumber,
                u.Sku, u.Question.NewDate, u.Question.AskedAt)).ToList());
    }
}
