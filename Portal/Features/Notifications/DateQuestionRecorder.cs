using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;
using Portal.Features.Notifications.Rendering;

namespace Portal.Features.Notifications;

/// <summary>
/// Once an email that asks the customer to accept a later date has gone out, the question is recorded per line, so
/// their page offers the answer and the Sales home can name questions left unanswered
/// (docs/customer-replies.md#a-later-date). A newer question about the same line closes the older one.
/// </summary>
internal static class DateQuestionRecorder
{
    public static async Task AskAsync(PortalDbContext db, CustomerNotice notice, NoticeContent content, DateTimeOffset now)
    {
        var asked = content.Lines.Where(l => l.AsksToAccept && l.PromisedDate is not null).ToList();
        if (asked.Count == 0)
        {
            return;
        }

        var lineIds = asked.Select(l => l.LineId).ToList();
        var older = await db.LaterDateQuestions
            .Where(q => lineIds.Contains(q.SalesOrderLineId) && q.Answer == LaterDateAnswer.Open).ToListAsync();
        foreach (var question in older)
        {
            question.Answered(LaterDateAnswer.Closed, now);
        }

        db.LaterDateQuestions.AddRange(asked.Select(l =>
            new LaterDateQuestion(notice.SalesOrderId, l.LineId, l.News.WasEta, l.PromisedDate!.Value, now)));
    }
}
