using Portal.Domain.Allocation;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;
using Portal.Features.Notifications.Rendering;

namespace Portal.Tests.Notifications;

// docs/customer-notices.md#subject: the email announces a line's events unless the line has moved on since.
public class LineNewsTests
{
    private static readonly DateOnly Nov24 = new(2026, 11, 24);
    private static readonly DateOnly Dec4 = new(2026, 12, 4);
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static NoticeLine Line(int allocated = 0, int backordered = 10, DateOnly? eta = null) =>
        new(1, "BP-100", "Hex bolt, M6", 10, allocated, 10 - allocated - backordered, 0, backordered, LineStatus.Backordered, eta,
            backordered == 0 ? EtaBasis.Allocated : eta is null ? EtaBasis.Unknown : EtaBasis.PurchaseOrder, null, LineNews.None);

    // Events in the order they happened, a minute apart.
    private static List<NoticeEvent> Events(params (NoticeKind Kind, DateOnly? Eta, DateOnly? Was)[] events) =>
        events.Select((e, i) => new NoticeEvent(1, e.Kind, 10, e.Eta, null, Start.AddMinutes(i), e.Was)).ToList();

    [Fact]
    public void A_backorder_that_is_ready_by_the_time_the_email_goes_out_is_announced_as_ready()
    {
        var news = LineNews.From(Events((NoticeKind.Backordered, Dec4, null), (NoticeKind.ReadyToShip, null, null)), Line(allocated: 10, backordered: 0));

        Assert.Equal([News.ReadyToShip], news.Items);
    }

    [Fact]
    public void A_backorder_carries_its_date_so_a_move_in_the_same_email_is_not_a_new_date()
    {
        var news = LineNews.From(Events((NoticeKind.Backordered, Nov24, null), (NoticeKind.EtaMoved, Dec4, Nov24)), Line(eta: Dec4));

        Assert.Equal([News.Backordered], news.Items);
    }

    [Fact]
    public void Two_moves_read_from_the_date_the_customer_was_told_to_the_latest()
    {
        var news = LineNews.From(
            Events((NoticeKind.EtaMoved, Dec4.AddDays(-2), Nov24), (NoticeKind.EtaMoved, Dec4, Dec4.AddDays(-2))), Line(eta: Dec4));

        Assert.Equal([News.NewDate], news.Items);
        Assert.Equal(Nov24, news.WasEta);
    }

    [Fact]
    public void A_date_back_where_the_customer_was_told_is_no_news()
    {
        var news = LineNews.From(Events((NoticeKind.EtaMoved, Dec4, Nov24), (NoticeKind.EtaMoved, Nov24, Dec4)), Line(eta: Nov24));

        Assert.Empty(news.Items);
    }

    [Fact]
    public void A_date_that_became_unknown_is_a_new_date()
    {
        var news = LineNews.From(Events((NoticeKind.EtaUnknown, null, Nov24)), Line(eta: null));

        Assert.Equal([News.NewDate], news.Items);
        Assert.Equal(Nov24, news.WasEta);
    }

    [Fact]
    public void Shipments_and_cancellations_stay_news_whatever_came_after()
    {
        var news = LineNews.From(Events((NoticeKind.Shipped, null, null), (NoticeKind.BackorderCancelled, null, null)), Line(backordered: 0));

        Assert.Equal([News.BackorderCancelled, News.Shipped], news.Items);
    }
}
