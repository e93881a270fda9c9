using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Notifications.Rendering;

namespace Portal.Tests.Notifications;

/// <summary>What an email says about the customer's own page (docs/customer-replies.md#in-the-email).</summary>
public class CustomerPageEmailTests
{
    private const string Link = "https://orders.example/your-order/CfDJ8abc_-";
    private static readonly DateOnly Dec3 = new(2026, 12, 3), Jan12 = new(2027, 1, 12);

    private static NoticeLine Waiting(LineNews news, bool asks = false) =>
        new(1, "BP-100", "Hex bolt", 10, 0, 0, 0, 10, LineStatus.Backordered, Jan12, EtaBasis.PurchaseOrder, null, news, 7, asks);

    [Fact]
    public void Every_email_carries_the_link_and_a_far_slip_asks_to_accept_or_cancel()
    {
        var content = new NoticeContent(42, "Acme", null, [Waiting(new([News.NewDate], Dec3), asks: true)], OrderLink: Link,
            LinkExpires: new DateTimeOffset(2026, 12, 30, 9, 0, 0, TimeSpan.Zero));

        var email = NoticeRenderer.Render(content);

        Assert.Contains($"choose what happens to what is still waiting: {Link} (the link works until Wed 30 Dec 2026)", email.TextBody);
        Assert.Contains($"<a href=\"{Link}\">{Link}</a>", email.HtmlBody);
        Assert.Contains("Please tell us whether you accept the new date or would rather cancel what is still waiting", email.TextBody);
        Assert.Contains("  - BP-100 Hex bolt: was Thu 3 Dec 2026, now Tue 12 Jan 2027", email.TextBody);
    }

    [Fact]
    public void A_reply_leads_its_own_email_and_is_never_taken_for_the_same_state_again()
    {
        var before = NoticeRenderer.Render(new NoticeContent(42, "Acme", null, [Waiting(LineNews.None)]));
        var reply = NoticeRenderer.Render(new NoticeContent(42, "Acme", null, [Waiting(new([News.YourReply]))],
            Replies: ["you accept the later date Tue 12 Jan 2027 for BP-100 Hex bolt"]));

        Assert.Equal("We have your reply: order SO-000042", reply.Subject);
        Assert.Contains("You told us:", reply.TextBody);
        Assert.Contains("  - you accept the later date Tue 12 Jan 2027 for BP-100 Hex bolt", reply.TextBody);
        Assert.NotEqual(before.ContentHash, reply.ContentHash);
        // The link differs in every email; the state it points to does not, so it is not part of the hash.
        Assert.Equal(before.ContentHash, NoticeRenderer.Render(new NoticeContent(42, "Acme", null, [Waiting(LineNews.None)], OrderLink: Link)).ContentHash);
    }
}
