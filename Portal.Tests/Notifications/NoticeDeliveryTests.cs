using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

// docs/customer-notices.md, end to end on a real SMTP server: queued in the change's transaction, sent
// after the quiet window as one email per order with the latest state, never the same state twice.
public abstract class NoticeDeliveryTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task Queued_order_goes_out_as_one_email_after_the_quiet_window_with_every_line_in_both_bodies()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var customer = await shop.CustomerAsync("Acme Builders", "buyer@acme.test");
        var order = await shop.OrderAsync(customer,
            new LineSpec("BP-100", "Hex bolt, M6", 10, Allocated: 4, Eta: Dec3),
            new LineSpec("BP-200", "Ball valve, brass", 5, EtaNote: "No purchase order yet and the supplier's lead time is unknown"));
        await shop.QueueBackorderedAsync(portal.Outbox, order);

        Clock.Advance(QuietWindow - TimeSpan.FromMinutes(1));
        var early = await portal.Sender.SendDueAsync(Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(NoticeSendSummary.None, early);
        Assert.Equal(new NoticeSendSummary(Sent: 1, Suppressed: 0, Failed: 0, GaveUp: 0, Skipped: 0), due);
        var email = Assert.Single(smtp.Messages());
        Assert.Equal("buyer@acme.test", email.To);
        Assert.Equal($"Backordered: order {order.Number} (your reference PO-4711)", email.Subject);
        Assert.StartsWith("multipart/alternative", email.ContentType);
        Says(email, order.Number);
        Says(email, "BP-100");
        Says(email, "Hex bolt, M6");
        Says(email, "10 ordered: 4 ready to ship, 6 backordered");
        Says(email, "Thu 3 Dec 2026");
        Says(email, "BP-200");
        Says(email, "Ball valve, brass");
        Says(email, "5 ordered: 5 backordered");
        Says(email, "unknown date (No purchase order yet and the supplier's lead time is unknown)");

        var notice = Assert.Single(await shop.NoticesAsync());
        Assert.Equal(NoticeStatus.Sent, notice.Status);
        Assert.Equal(notice.Id, email.NoticeId);
        Assert.True(Assert.Single(notice.Attempts).Succeeded);
        Assert.Equal(email.Subject, notice.Subject);
    }

    [Fact]
    public async Task Running_the_sender_again_sends_nothing()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var order = await BoltOrderAsync(3);
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);

        await portal.Sender.SendDueAsync(Ct);
        Clock.Advance(TimeSpan.FromHours(2));
        var again = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(NoticeSendSummary.None, again);
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task Changes_inside_the_quiet_window_collapse_into_one_email_with_the_latest_state()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var order = await shop.OrderAsync(await shop.CustomerAsync("Acme Builders", "buyer@acme.test"),
            new LineSpec("BP-100", "Hex bolt, M6", 10, Eta: Dec3),
            new LineSpec("BP-200", "Ball valve, brass", 2, Eta: Dec3));
        var firstChange = Clock.GetUtcNow();
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(TimeSpan.FromMinutes(4));
        await shop.ChangeEtaAsync(portal.Outbox, order, 0, Dec10);

        var pending = Assert.Single(await shop.NoticesAsync());
        Assert.Equal(3, pending.Events.Count);
        Assert.Equal(firstChange + QuietWindow, pending.DueAt); // the first change starts the window; later ones join it

        Clock.Advance(TimeSpan.FromMinutes(6));
        await portal.Sender.SendDueAsync(Ct);

        var email = Assert.Single(smtp.Messages());
        Assert.Contains("Hex bolt, M6\n  Quantity: 10 ordered: 10 backordered\n  Status: Backordered\n  Estimated ship date: Thu 10 Dec 2026", email.Text);
        Assert.Contains("<td>Hex bolt, M6</td><td>10 ordered: 10 backordered</td><td>Backordered</td><td>Thu 10 Dec 2026</td>", email.Html);
        Assert.Contains("Ball valve, brass\n  Quantity: 2 ordered: 2 backordered\n  Status: Backordered\n  Estimated ship date: Thu 3 Dec 2026", email.Text);
    }

    [Fact]
    public async Task Same_state_is_never_emailed_twice()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var order = await BoltOrderAsync();
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);
        await portal.Sender.SendDueAsync(Ct);

        // Moved away and back inside one window: the customer would read exactly what they already have.
        await shop.ChangeEtaAsync(portal.Outbox, order, 0, Dec10);
        await shop.ChangeEtaAsync(portal.Outbox, order, 0, Dec3);
        Clock.Advance(QuietWindow);
        var summary = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(1, summary.Suppressed);
        Assert.Single(smtp.Messages());
        var repeat = (await shop.NoticesAsync())[1];
        Assert.Equal(NoticeStatus.Suppressed, repeat.Status);
        Assert.Equal(SuppressionReasons.SameState, repeat.LastError);
        Assert.Empty(repeat.Attempts);
    }

    [Fact]
    public async Task A_date_that_moves_back_after_the_customer_heard_of_the_move_is_announced_again()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var order = await BoltOrderAsync();
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);
        await portal.Sender.SendDueAsync(Ct);

        foreach (var date in new[] { Dec10, Dec3 })
        {
            await shop.ChangeEtaAsync(portal.Outbox, order, 0, date);
            Clock.Advance(QuietWindow);
            await portal.Sender.SendDueAsync(Ct);
        }

        var emails = smtp.Messages();
        Assert.Equal(3, emails.Count);
        Assert.Contains("Thu 3 Dec 2026", emails[2].Text);
    }

    [Fact]
    public async Task Opted_out_customer_gets_no_email()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var order = await shop.OrderAsync(await shop.CustomerAsync("Quiet Ltd", "buyer@quiet.test", optedOut: true), new LineSpec("BP-100", "Hex bolt, M6", 10, Eta: Dec3));
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);

        var summary = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(1, summary.Suppressed);
        Assert.Empty(smtp.Messages());
        var notice = Assert.Single(await shop.NoticesAsync());
        Assert.Equal((NoticeStatus.Suppressed, SuppressionReasons.OptedOut), (notice.Status, notice.LastError));
        var forSales = await portal.Queries.ForOrderAsync(order.Id, Ct);
        Assert.True(forSales!.CustomerOptedOut);
    }

    [Fact]
    public async Task Customer_without_an_address_is_suppressed_and_shown_to_sales()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var customer = await shop.CustomerAsync("No Mail Inc", email: null);
        var reachable = await shop.CustomerAsync("Acme Builders", "buyer@acme.test");
        var order = await shop.OrderAsync(customer, new LineSpec("BP-100", "Hex bolt, M6", 10, Eta: Dec3));
        await shop.QueueBackorderedAsync(portal.Outbox, order);
        Clock.Advance(QuietWindow);

        var summary = await portal.Sender.SendDueAsync(Ct);

        Assert.Equal(1, summary.Suppressed);
        Assert.Empty(smtp.Messages());
        var onOrderPage = await portal.Queries.ForOrderAsync(order.Id, Ct);
        Assert.False(onOrderPage!.CustomerHasEmail);
        var row = Assert.Single(onOrderPage.Emails);
        Assert.Equal((NoticeStatus.Suppressed, SuppressionReasons.NoAddress), (row.Status, row.Reason));
        Assert.True(row.HasBody); // Sales can read what the customer was not told

        var onCustomersList = await portal.Queries.ForCustomersAsync([customer, reachable], Ct);
        Assert.Equal(new CustomerEmailStatus(customer, false, false, 1, Clock.GetUtcNow() - QuietWindow), onCustomersList[customer]);
        Assert.True(onCustomersList[customer].NeedsAttention);
        Assert.False(onCustomersList[reachable].NeedsAttention);
    }
}

public sealed class NoticeDeliveryTestsOnSqlite() : NoticeDeliveryTests(DatabaseProvider.Sqlite);

public sealed class NoticeDeliveryTestsOnPostgres() : NoticeDeliveryTests(DatabaseProvider.Postgres);

public sealed class NoticeDeliveryTestsOnSqlServer() : NoticeDeliveryTests(DatabaseProvider.SqlServer);
