using Portal.Domain.Common;

namespace Portal.Features.Notifications.Rendering;

/// <summary>
/// The subject says what happened, naming the order: the most important news leads, and ", and other updates" says
/// the email holds more (docs/customer-notices.md#subject).
/// </summary>
public static class NoticeSubject
{
    public const string MoreNews = ", and other updates";

    public static string For(NoticeContent content)
    {
        var order = $"order {content.OrderNumber}{content.YourReference}";
        var news = content.Lines.SelectMany(l => l.News.Items).Distinct().Order().ToList();
        var subject = news.Count == 0 ? $"Update on your {order}" : Lead(news[0], order, content) + (news.Count > 1 ? MoreNews : "");
        // A subject is one header line; a pasted line break in a reference must not end it.
        return string.Join(' ', subject.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Lead(News news, string order, NoticeContent content) => news switch
    {
        News.BackorderCancelled => $"Cancelled: items on {order}",
        News.Backordered => $"Backordered: {order}",
        News.NewDate => NewDate(order, content),
        News.Shipped => $"Shipped: {order}",
        News.ReadyToShip => $"Ready to ship: {order}",
        News.YourReply => $"We have your reply: {order}",
        News.NewLink => $"Your link to {order}",
        _ => throw new ArgumentOutOfRangeException(nameof(news), news, null),
    };

    // One new date is named; lines that moved to different dates are left to the body.
    private static string NewDate(string order, NoticeContent content)
    {
        var dates = content.Lines.Where(l => l.News.Has(News.NewDate)).Select(l => l.PromisedDate).Distinct().ToList();
        return dates is [var date] ? $"New date for {order}: {Show.Date(date)}" : $"New dates for {order}";
    }
}
