using Bunit;
using Portal.Domain.Notifications;
using Portal.Features.Notifications;
using Portal.Features.Notifications.Components;

namespace Portal.Tests.Components.Notifications;

/// <summary>What one email said and how its delivery went, as the outbox and the order page show it.</summary>
public sealed class NoticeDetailViewTests : ComponentTest
{
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 14, 5, 0, TimeSpan.Zero);

    [Fact]
    public void A_failed_email_shows_its_status_times_reason_body_attempts_and_changes()
    {
        var detail = Detail(NoticeStatus.Failed, lastError: "550 mailbox unavailable",
            attempts: [new(Created.AddMinutes(10), false, "421 try later"), new(Created.AddMinutes(20), false, "550 mailbox unavailable")]);

        var view = Context.Render<NoticeDetailView>(p => p.Add(v => v.Detail, detail));

        Assert.Equal("Failed", view.Find("[data-testid=notice-status]").TextContent.Trim());
        Assert.Equal("buyer@acme.test", view.Find("[data-testid=notice-to]").TextContent.Trim());
        Assert.Equal("Tue 24 Nov 2026 14:05 UTC", view.Find("[data-testid=notice-created]").TextContent.Trim());
        Assert.Equal("Tue 24 Nov 2026 14:15 UTC", view.Find("[data-testid=notice-when]").TextContent.Trim()); // not sent: its due time
        Assert.Contains("550 mailbox unavailable", view.Find("[data-testid=notice-reason]").TextContent);
        Assert.Equal("Subject: New date for order SO-000042: Thu 3 Dec 2026", view.Find("[data-testid=notice-subject]").TextContent.Trim());
        Assert.Equal("Line 1 now ships Thu 3 Dec 2026.", view.Find("[data-testid=notice-text]").TextContent);
        var attempts = view.FindAll("[data-testid=notice-attempts] tbody tr");
        Assert.Equal(2, attempts.Count);
        Assert.Contains("Tue 24 Nov 2026 14:25 UTC", attempts[1].TextContent);
        Assert.Contains("Failed", attempts[1].TextContent);
        Assert.Equal(["Line 1: Thu 26 Nov 2026 → Thu 3 Dec 2026"], view.FindAll("[data-testid=notice-changes] li").Select(li => li.TextContent));
        Assert.Contains("Attempts (2)", view.Markup);
    }

    [Fact]
    public void A_sent_email_shows_when_it_was_sent_and_no_reason()
    {
        var detail = Detail(NoticeStatus.Sent, sentAt: Created.AddHours(1), lastError: "an earlier 421",
            attempts: [new(Created.AddHours(1), true, null)]);

        var view = Context.Render<NoticeDetailView>(p => p.Add(v => v.Detail, detail));

        Assert.Equal("Sent", view.Find("[data-testid=notice-status]").TextContent.Trim());
        Assert.Equal("Tue 24 Nov 2026 15:05 UTC", view.Find("[data-testid=notice-when]").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=notice-reason]"));
        Assert.Contains("Accepted by the mail server", view.Find("[data-testid=notice-attempts]").TextContent);
    }

    [Fact]
    public void An_email_not_rendered_yet_says_so()
    {
        var detail = Detail(NoticeStatus.Pending, subject: null) with { ToAddress = null, TextBody = null, HtmlBody = null };

        var view = Context.Render<NoticeDetailView>(p => p.Add(v => v.Detail, detail));

        Assert.Equal("decided when it goes out", view.Find("[data-testid=notice-to]").TextContent.Trim());
        Assert.Contains("Not rendered yet", view.Markup);
        Assert.Contains("No delivery attempt yet.", view.Markup);
    }

    [Fact]
    public void A_suppressed_email_shows_why_it_was_not_sent()
    {
        var view = Context.Render<NoticeDetailView>(p => p.Add(v => v.Detail, Detail(NoticeStatus.Suppressed, lastError: "Customer opted out of emails")));

        Assert.Equal("Suppressed", view.Find("[data-testid=notice-status]").TextContent.Trim());
        var reason = view.Find("[data-testid=notice-reason]");
        Assert.Contains("Customer opted out of emails", reason.TextContent);
        Assert.Contains("warning", reason.ClassName); // a warning, not an error: nothing went wrong
    }

    private static NoticeDetail Detail(
        NoticeStatus status, DateTimeOffset? sentAt = null, string? lastError = null, IReadOnlyList<NoticeAttemptRow>? attempts = null,
        string? subject = "New date for order SO-000042: Thu 3 Dec 2026") =>
        new(Id: 9, SalesOrderId: 42, CustomerName: "Acme Builders", status, Created, DueAt: Created.AddMinutes(10), sentAt, "buyer@acme.test",
            subject, TextBody: "Line 1 now ships Thu 3 Dec 2026.", HtmlBody: "<p>Line 1 now ships Thu 3 Dec 2026.</p>", lastError,
            AttemptCount: attempts?.Count ?? 0, Attempts: attempts ?? [], Changes: ["Line 1: Thu 26 Nov 2026 → Thu 3 Dec 2026"]);
}
