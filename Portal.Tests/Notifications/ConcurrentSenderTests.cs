using Portal.Data;
using Portal.Domain.Notifications;

namespace Portal.Tests.Notifications;

// Several portal instances send from one database: a notice is claimed before it is sent, so it goes out once.
public abstract class ConcurrentSenderTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task Two_senders_on_one_database_deliver_each_notice_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var first = Instance(smtp.Port);
        await using var second = Instance(smtp.Port);
        var shop = Shop;
        var customer = await shop.CustomerAsync("Acme Builders", "buyer@acme.test");
        var orders = new List<PlacedOrder>();
        for (var i = 0; i < 24; i++)
        {
            orders.Add(await shop.OrderAsync(customer, new LineSpec("BP-100", "Hex bolt, M6", 1 + i, Eta: Dec3)));
        }

        await shop.QueueBackorderedAsync(first.Outbox, [.. orders]);
        Clock.Advance(QuietWindow);

        var results = await Task.WhenAll(
            Task.Run(() => first.Sender.SendDueAsync(Ct), Ct),
            Task.Run(() => second.Sender.SendDueAsync(Ct), Ct));

        Assert.Equal(orders.Count, results.Sum(r => r.Sent));
        Assert.All(results, r => Assert.Equal(0, r.Failed));
        var emails = smtp.Messages();
        Assert.Equal(orders.Count, emails.Count);
        Assert.Equal(orders.Count, emails.Select(e => e.NoticeId).Distinct().Count());
        Assert.All(await shop.NoticesAsync(), n =>
        {
            Assert.Equal(NoticeStatus.Sent, n.Status);
            Assert.Single(n.Attempts);
        });
    }
}

public sealed class ConcurrentSenderTestsOnSqlite() : ConcurrentSenderTests(DatabaseProvider.Sqlite);

public sealed class ConcurrentSenderTestsOnPostgres() : ConcurrentSenderTests(DatabaseProvider.Postgres);

public sealed class ConcurrentSenderTestsOnSqlServer() : ConcurrentSenderTests(DatabaseProvider.SqlServer);
