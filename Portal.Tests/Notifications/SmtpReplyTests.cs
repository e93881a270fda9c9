using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications;

namespace Portal.Tests.Notifications;

// docs/customer-notices.md#sending-and-retries: every delivery attempt is logged with what the mail server said about it.
public abstract class SmtpReplyTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task An_accepted_email_logs_the_servers_reply_with_its_status_code()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        await Shop.QueueBackorderedAsync(portal.Outbox, await BoltOrderAsync());
        Clock.Advance(QuietWindow);

        await portal.Sender.SendDueAsync(Ct);

        var attempt = Assert.Single(Assert.Single(await Shop.NoticesAsync()).Attempts);
        Assert.True(attempt.Succeeded);
        Assert.Equal($"250 2.0.0 Ok: queued as {Assert.Single(smtp.QueueIds())}", attempt.Error);
    }

    [Fact]
    public async Task A_refused_recipient_logs_the_servers_status_code_and_reply_and_is_tried_again_later()
    {
        await using var smtp = await SmtpServer.StartAsync(refuse: "gone@acme.test");
        await using var portal = Instance(smtp.Port);
        var order = await Shop.OrderAsync(await Shop.CustomerAsync("Acme Builders", "gone@acme.test"), new LineSpec("BP-100", "Hex bolt, M6", 10, Eta: Dec3));
        await Shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);

        var summary = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(new NoticeSendSummary(Sent: 0, Suppressed: 0, Failed: 1, GaveUp: 0, Skipped: 0), summary);
        Assert.Empty(smtp.Messages());
        var notice = Assert.Single(await Shop.NoticesAsync());
        var attempt = Assert.Single(notice.Attempts);
        Assert.False(attempt.Succeeded);
        Assert.Equal("550 5.1.1 <gone@acme.test>: Recipient address rejected: User unknown", attempt.Error);
        Assert.Equal((NoticeStatus.Pending, attempt.Error), (notice.Status, notice.LastError));
    }

    [Fact]
    public async Task A_server_that_is_down_logs_why_it_could_not_be_reached()
    {
        await using var portal = Instance(SmtpServer.FreePort());
        await Shop.QueueBackorderedAsync(portal.Outbox, await BoltOrderAsync());
        Clock.Advance(QuietWindow);

        Assert.Equal(1, (await portal.Sender.SendDueAsync(Ct)).Failed);

        var attempt = Assert.Single(Assert.Single(await Shop.NoticesAsync()).Attempts);
        Assert.False(attempt.Succeeded);
        Assert.Contains("Connection refused", attempt.Error);
    }

    [Fact]
    public async Task With_EnableSsl_nothing_goes_out_in_clear_to_a_server_without_STARTTLS()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var settings = PortalInstance.Smtp(smtp.Port);
        settings["Email:Smtp:EnableSsl"] = "true";
        await using var portal = new PortalInstance(Db, Clock, settings);
        await Shop.QueueBackorderedAsync(portal.Outbox, await BoltOrderAsync());
        Clock.Advance(QuietWindow);

        Assert.Equal(1, (await portal.Sender.SendDueAsync(Ct)).Failed);

        Assert.Empty(smtp.Messages());
        Assert.Contains("STARTTLS", Assert.Single(Assert.Single(await Shop.NoticesAsync()).Attempts).Error);
    }
}

public sealed class SmtpReplyTestsOnSqlite() : SmtpReplyTests(DatabaseProvider.Sqlite);

public sealed class SmtpReplyTestsOnPostgres() : SmtpReplyTests(DatabaseProvider.Postgres);

public sealed class SmtpReplyTestsOnSqlServer() : SmtpReplyTests(DatabaseProvider.SqlServer);
