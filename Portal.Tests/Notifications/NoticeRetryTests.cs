using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Admin.Outbox;
using Portal.Features.Notifications;
using Portal.Features.Common;

namespace Portal.Tests.Notifications;

// docs/customer-notices.md#sending-and-retries: delivered over SMTP with retries and backoff, every attempt logged, nothing lost.
public abstract class NoticeRetryTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task Smtp_down_then_up_delivers_every_notice_exactly_once()
    {
        var port = SmtpServer.FreePort(); // nothing listens here yet: the server is down
        await using var portal = Instance(port);
        var shop = Shop;
        var customer = await shop.CustomerAsync("Acme Builders", "buyer@acme.test");
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(await shop.OrderAsync(customer, new LineSpec($"BP-{100 + i}", $"Hex bolt {i}", 5 + i, Eta: Dec3)));
        }

        await shop.QueueBackorderedAsync(portal.Outbox, [.. orders]);
        Clock.Advance(QuietWindow);

        var down = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(new NoticeSendSummary(Sent: 0, Suppressed: 0, Failed: 3, GaveUp: 0, Skipped: 0), down);
        foreach (var notice in await shop.NoticesAsync())
        {
            Assert.Equal(NoticeStatus.Pending, notice.Status);
            Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromMinutes(1), notice.DueAt);
            var attempt = Assert.Single(notice.Attempts);
            Assert.False(attempt.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(attempt.Error));
            Assert.Equal(attempt.Error, notice.LastError);
        }

        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(NoticeSendSummary.None, await portal.Sender.SendDueAsync(Ct)); // not due before its backoff ends
        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(3, (await portal.Sender.SendDueAsync(Ct)).Failed);
        Assert.All(await shop.NoticesAsync(), n => Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromMinutes(2), n.DueAt)); // it doubles

        await using var smtp = await SmtpServer.StartAsync(port);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var up = await portal.Sender.SendDueAsync(Ct);
        Clock.Advance(TimeSpan.FromHours(3));
        var later = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(3, up.Sent);
        Assert.Equal(NoticeSendSummary.None, later);
        var emails = smtp.Messages();
        Assert.Equal(orders.Select(o => o.Number).Order(), emails.Select(e => e.Subject.Split(' ').Single(w => w.StartsWith("SO-"))).Order());
        Assert.All(await shop.NoticesAsync(), n =>
        {
            Assert.Equal(NoticeStatus.Sent, n.Status);
            Assert.Equal([false, false, true], n.Attempts.OrderBy(a => a.Id).Select(a => a.Succeeded));
            Assert.Equal(3, n.AttemptCount);
        });
    }

    [Fact]
    public async Task After_the_last_attempt_a_notice_is_failed_until_an_admin_retries_it()
    {
        var port = SmtpServer.FreePort();
        await using var portal = Instance(port, maxAttempts: 3);
        var shop = Shop;
        var order = await BoltOrderAsync();
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);

        var runs = new List<NoticeSendSummary>();
        foreach (var wait in new[] { 0, 1, 2 })
        {
            Clock.Advance(TimeSpan.FromMinutes(wait));
            runs.Add(await portal.Sender.SendDueAsync(Ct));
        }

        Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(NoticeSendSummary.None, await portal.Sender.SendDueAsync(Ct));
        Assert.Equal([0, 0, 1], runs.Select(r => r.GaveUp));
        var failedList = await portal.OutboxPage.ListAsync(new OutboxFilter(NoticeStatus.Failed), new PageRequest(0, 10), Ct);
        var failed = Assert.Single(failedList.Rows);
        Assert.Equal((order.Id, 3), (failed.SalesOrderId, failed.AttemptCount));
        Assert.NotNull(failed.LastError);

        await using var smtp = await SmtpServer.StartAsync(port);
        Assert.Null(await portal.OutboxPage.RetryAsync(failed.Id, "admin@portal.test", Ct));
        var retried = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(1, retried.Sent);
        Assert.Single(smtp.Messages());
        var detail = await portal.OutboxPage.DetailAsync(failed.Id, Ct);
        Assert.Equal(NoticeStatus.Sent, detail!.Status);
        Assert.Equal([false, false, false, true], detail.Attempts.Select(a => a.Succeeded));
        Assert.Contains("Thu 3 Dec 2026", detail.TextBody);
        Assert.Contains("Thu 3 Dec 2026", detail.HtmlBody);
        Assert.Equal("Only a failed notice can be retried.", await portal.OutboxPage.RetryAsync(failed.Id, "admin@portal.test", Ct));
        await using var db = NewContext();
        var audit = await db.AuditEvents.SingleAsync(Ct);
        Assert.Equal(("admin@portal.test", "Retried email", failed.Id.ToString()), (audit.User, audit.Action, audit.EntityId));
    }

    [Fact]
    public async Task A_notice_claimed_by_an_instance_that_died_goes_out_once_the_claim_runs_out()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var order = await BoltOrderAsync();
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);
        await using (var died = NewContext()) // claimed, then the process died before the mail server answered
        {
            var notice = await died.CustomerNotices.SingleAsync(Ct);
            notice.Render("buyer@acme.test", "subject", "text", "<p>html</p>", new string('0', 64));
            notice.Claim(Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
            await died.SaveChangesAsync(Ct);
        }

        var whileClaimed = await portal.Sender.SendDueAsync(Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var afterClaim = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(NoticeSendSummary.None, whileClaimed);
        Assert.Equal(1, afterClaim.Sent);
        Assert.Contains("Thu 3 Dec 2026", Assert.Single(smtp.Messages()).Text);
    }
}

public sealed class NoticeRetryTestsOnSqlite() : NoticeRetryTests(DatabaseProvider.Sqlite);

public sealed class NoticeRetryTestsOnPostgres() : NoticeRetryTests(DatabaseProvider.Postgres);

public sealed class NoticeRetryTestsOnSqlServer() : NoticeRetryTests(DatabaseProvider.SqlServer);
