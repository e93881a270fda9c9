using Portal.Domain.Allocation;
using Portal.Domain.Sales;
using Portal.Features.Notifications.Rendering;

namespace Portal.Tests.Notifications;

public class NoticeRendererTests
{
    private static readonly DateOnly Dec3 = new(2026, 12, 3);

    private static NoticeLine Line(string sku = "BP-100", string name = "Hex bolt, M6", int ordered = 10, int allocated = 0, int shipped = 0,
        int cancelled = 0, DateOnly? eta = null, EtaBasis basis = EtaBasis.PurchaseOrder, string? note = null, LineStatus? status = null,
        LineNews? news = null)
    {
        var backordered = ordered - allocated - shipped - cancelled;
        return new NoticeLine(1, sku, name, ordered, allocated, shipped, cancelled, backordered,
            status ?? (backordered > 0 ? LineStatus.Backordered : LineStatus.Allocated), eta, basis, note, news ?? LineNews.None);
    }

    private static NoticeContent Order(params NoticeLine[] lines) => new(42, "Acme Builders", null, lines);

    [Fact]
    public void Everything_the_customer_typed_or_we_named_is_html_encoded()
    {
        var content = new NoticeContent(42, "<script>alert(1)</script> & Sons", "PO \"7\" <b>", [Line(name: "Pipe <clamp> & co", eta: Dec3)]);

        var email = NoticeRenderer.Render(content);

        Assert.DoesNotContain("<script>", email.HtmlBody);
        Assert.DoesNotContain("<clamp>", email.HtmlBody);
        Assert.DoesNotContain("<b>", email.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons", email.HtmlBody);
        Assert.Contains("Pipe &lt;clamp&gt; &amp; co", email.HtmlBody);
        Assert.Contains("Pipe <clamp> & co", email.TextBody); // plain text stays as typed
    }

    [Fact]
    public void Subject_names_the_order_and_stays_on_one_line()
    {
        var content = new NoticeContent(42, "Acme", "PO-1\r\nBcc: someone@evil.test", [Line(eta: Dec3, news: new([News.Backordered]))]);

        var email = NoticeRenderer.Render(content);

        Assert.Equal("Backordered: order SO-000042 (your reference PO-1 Bcc: someone@evil.test)", email.Subject);
    }

    [Fact]
    public void Unknown_date_says_why_from_the_line_note_or_a_plain_fallback()
    {
        var withNote = NoticeRenderer.Render(Order(Line(eta: null, basis: EtaBasis.Unknown, note: "Supplier has not confirmed a lead time")));
        var withoutNote = NoticeRenderer.Render(Order(Line(eta: null, basis: EtaBasis.Unknown)));

        Assert.Contains("Estimated ship date: unknown date (Supplier has not confirmed a lead time)", withNote.TextBody);
        Assert.Contains($"unknown date ({NoticeRenderer.UnknownDateFallback})", withoutNote.TextBody);
        Assert.Contains($"unknown date ({NoticeRenderer.UnknownDateFallback})", withoutNote.HtmlBody);
    }

    [Fact]
    public void Shipped_line_has_no_ship_date()
    {
        var email = NoticeRenderer.Render(Order(Line(ordered: 4, shipped: 4, status: LineStatus.Shipped)));

        Assert.Contains("Quantity: 4 ordered: 4 shipped", email.TextBody);
        Assert.Contains("Status: Shipped", email.TextBody);
        Assert.DoesNotContain("Estimated ship date:", email.TextBody);
    }

    [Fact]
    public void Hash_follows_the_facts_not_the_greeting()
    {
        var original = NoticeRenderer.Render(Order(Line(eta: Dec3)));
        var renamedCustomer = NoticeRenderer.Render(Order(Line(eta: Dec3)) with { CustomerName = "Acme Builders Ltd" });
        var toldAsNews = NoticeRenderer.Render(Order(Line(eta: Dec3, news: new([News.NewDate], Dec3.AddDays(-7)))));
        var movedDate = NoticeRenderer.Render(Order(Line(eta: Dec3.AddDays(1))));
        var moreAllocated = NoticeRenderer.Render(Order(Line(allocated: 2, eta: Dec3, status: LineStatus.PartiallyAllocated)));

        Assert.Equal(64, original.ContentHash.Length);
        Assert.Equal(original.ContentHash, renamedCustomer.ContentHash);
        Assert.Equal(original.ContentHash, toldAsNews.ContentHash); // the same state, however it was worded
        Assert.NotEqual(original.ContentHash, movedDate.ContentHash);
        Assert.NotEqual(original.ContentHash, moreAllocated.ContentHash);
    }
}
