using Portal.Domain.Allocation;
using Portal.Domain.Notifications;

namespace Portal.Features.Notifications.Rendering;

/// <summary>What an email can announce, most important first: the first one a notice holds leads its subject.</summary>
public enum News
{
    BackorderCancelled,
    Backordered,
    NewDate,
    Shipped,
    ReadyToShip,
    YourReply,
    NewLink,
}

/// <summary>
/// What the email announces about one line: its queued events, less those the line's state has overtaken since
/// (docs/customer-notices.md#subject). <paramref name="WasEta"/> is, for <see cref="News.NewDate"/>, the date the
/// customer was told before; null when that was an unknown date.
/// </summary>
public sealed record LineNews(IReadOnlyList<News> Items, DateOnly? WasEta = null)
{
    public static readonly LineNews None = new([]);

    public bool Has(News news) => Items.Contains(news);

    public static LineNews From(IEnumerable<NoticeEvent> events, NoticeLine line)
    {
        var happened = events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList();
        var items = new List<News>();
        // Announced only while it is still true: units that wait, units that wait for a different date, units ready.
        var backordered = line.Backordered > 0 && happened.Any(e => e.Kind == NoticeKind.Backordered);
        if (backordered)
        {
            items.Add(News.Backordered);
        }

        // The first date change says what the customer was told before this email. A backorder announces its date
        // itself, and a date that went back to what the customer was told is no news.
        var dateChange = happened.FirstOrDefault(e => e.Kind is NoticeKind.EtaMoved or NoticeKind.EtaUnknown);
        var newDate = dateChange is not null && line.Backordered > 0 && !backordered && line.PromisedDate != dateChange.PreviousEtaDate;
        if (newDate)
        {
            items.Add(News.NewDate);
        }

        if (line.Allocated > 0 && happened.Any(e => e.Kind == NoticeKind.ReadyToShip))
        {
            items.Add(News.ReadyToShip);
        }

        // What happened stays true.
        if (happened.Any(e => e.Kind == NoticeKind.Shipped))
        {
            items.Add(News.Shipped);
        }

        if (happened.Any(e => e.Kind == NoticeKind.BackorderCancelled))
        {
            items.Add(News.BackorderCancelled);
        }

        if (happened.Any(e => e.Kind == NoticeKind.CustomerReply))
        {
            items.Add(News.YourReply);
        }

        if (happened.Any(e => e.Kind == NoticeKind.LinkRequested))
        {
            items.Add(News.NewLink);
        }

        return new LineNews(items.Order().ToList(), newDate ? dateChange!.PreviousEtaDate : null);
    }
}
