using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Notifications.Rendering;

namespace Portal.Tests.Notifications;

// docs/customer-notices.md#subject: the subject says what happened and names the order; in a mixed email the most
// important news leads.
public class NoticeSubjectTests
{
    private static readonly DateOnly Nov24 = new(2026, 11, 24);
    private static readonly DateOnly Dec4 = new(2026, 12, 4);

    private static NoticeLine Waiting(int lineNumber, DateOnly? eta, params News[] news) =>
        new(lineNumber, $"BP-{lineNumber}00", "Hex bolt, M6", 10, 0, 0, 0, 10, LineStatus.Backordered, eta,
            eta is null ? EtaBasis.Unknown : EtaBasis.PurchaseOrder, null, new LineNews(news, Nov24));

    private static NoticeLine Done(int lineNumber, LineStatus status, params News[] news) =>
        new(lineNumber, $"BP-{lineNumber}00", "Ball valve, brass", 4, status == LineStatus.Allocated ? 4 : 0,
            status == LineStatus.Shipped ? 4 : 0, status == LineStatus.Cancelled ? 4 : 0, 0, status, null, EtaBasis.None, null, new LineNews(news));

    private static string Subject(params NoticeLine[] lines) => NoticeRenderer.Render(new NoticeContent(123, "Acme", null, lines)).Subject;

    [Fact]
    public void Each_kind_of_news_has_its_own_subject_naming_the_order()
    {
        Assert.Equal("Backordered: order SO-000123", Subject(Waiting(1, Dec4, News.Backordered)));
        Assert.Equal("New date for order SO-000123: Fri 4 Dec 2026", Subject(Waiting(1, Dec4, News.NewDate)));
        Assert.Equal("New date for order SO-000123: unknown date", Subject(Waiting(1, null, News.NewDate)));
        Assert.Equal("Ready to ship: order SO-000123", Subject(Done(1, LineStatus.Allocated, News.ReadyToShip)));
        Assert.Equal("Shipped: order SO-000123", Subject(Done(1, LineStatus.Shipped, News.Shipped)));
        Assert.Equal("Cancelled: items on order SO-000123", Subject(Done(1, LineStatus.Cancelled, News.BackorderCancelled)));
        Assert.Equal("Update on your order SO-000123", Subject(Waiting(1, Dec4)));
    }

    [Fact]
    public void The_customer_reference_follows_the_order_number()
    {
        var content = new NoticeContent(123, "Acme", "PO-4711", [Waiting(1, Dec4, News.NewDate)]);

        Assert.Equal("New date for order SO-000123 (your reference PO-4711): Fri 4 Dec 2026", NoticeRenderer.Render(content).Subject);
    }

    [Fact]
    public void In_a_mixed_email_the_most_important_news_leads_and_the_subject_says_there_is_more()
    {
        Assert.Equal("Backordered: order SO-000123, and other updates",
            Subject(Done(1, LineStatus.Shipped, News.Shipped), Waiting(2, Dec4, News.Backordered)));
        Assert.Equal("Cancelled: items on order SO-000123, and other updates",
            Subject(Waiting(1, Dec4, News.Backordered), Done(2, LineStatus.Cancelled, News.BackorderCancelled)));
        Assert.Equal("New date for order SO-000123: Fri 4 Dec 2026, and other updates",
            Subject(Done(1, LineStatus.Allocated, News.ReadyToShip), Waiting(2, Dec4, News.NewDate), Done(3, LineStatus.Shipped, News.Shipped)));
        Assert.Equal("Shipped: order SO-000123, and other updates",
            Subject(Done(1, LineStatus.Allocated, News.ReadyToShip), Done(2, LineStatus.Shipped, News.Shipped)));
    }

    [Fact]
    public void Lines_moved_to_different_dates_leave_the_dates_to_the_body()
    {
        var email = NoticeRenderer.Render(new NoticeContent(123, "Acme", null, [Waiting(1, Dec4, News.NewDate), Waiting(2, null, News.NewDate)]));

        Assert.Equal("New dates for order SO-000123", email.Subject);
        Assert.Contains("Estimated ship date: was Tue 24 Nov 2026, now Fri 4 Dec 2026", email.TextBody);
        Assert.Contains($"Estimated ship date: was Tue 24 Nov 2026, now unknown date ({NoticeRenderer.UnknownDateFallback})", email.TextBody);
    }

    [Fact]
    public void Lines_moved_to_the_same_date_name_it()
    {
        Assert.Equal("New date for order SO-000123: Fri 4 Dec 2026", Subject(Waiting(1, Dec4, News.NewDate), Waiting(2, Dec4, News.NewDate)));
    }

    [Fact]
    public void A_date_that_was_unknown_reads_as_unknown_in_the_body()
    {
        var line = Waiting(1, Dec4, News.NewDate) with { News = new LineNews([News.NewDate], WasEta: null) };

        var email = NoticeRenderer.Render(new NoticeContent(123, "Acme", null, [line]));

        Assert.Contains("Estimated ship date: was unknown date, now Fri 4 Dec 2026", email.TextBody);
        Assert.Contains("<td>was unknown date, now Fri 4 Dec 2026</td>", email.HtmlBody);
    }

    [Fact]
    public void A_line_whose_date_is_not_news_shows_only_its_date()
    {
        var email = NoticeRenderer.Render(new NoticeContent(123, "Acme", null, [Waiting(1, Dec4, News.NewDate), Waiting(2, Nov24, News.Backordered)]));

        Assert.Contains("Estimated ship date: Tue 24 Nov 2026\n", email.TextBody.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("now Tue 24 Nov 2026", email.TextBody);
    }
}
