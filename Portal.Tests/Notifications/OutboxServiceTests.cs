using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Admin.Outbox;
using Portal.Features.Notifications;
using Portal.Features.Common;

namespace Portal.Tests.Notifications;

// The Admin outbox grid filters, sorts and pages in the database, through plain records (status, search text, page request).
public abstract class OutboxServiceTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    [Fact]
    public async Task Grid_filters_sort_and_pages_on_the_server()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var shop = Shop;
        var acme = await shop.CustomerAsync("Acme Builders", "buyer@acme.test");
        var quiet = await shop.CustomerAsync("Quiet Ltd", "buyer@quiet.test", optedOut: true);
        var acmeOrders = new List<PlacedOrder>();
        for (var i = 0; i < 5; i++)
        {
            acmeOrders.Add(await shop.OrderAsync(acme, new LineSpec("BP-100", "Hex bolt, M6", 1 + i, Eta: Dec3)));
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var quietOrder = await shop.OrderAsync(quiet, new LineSpec("BP-100", "Hex bolt, M6", 3, Eta: Dec3));
        foreach (var order in acmeOrders.Append(quietOrder))
        {
            await shop.QueueBackorderedAsync(portal.Outbox, order);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Clock.Advance(QuietWindow);
        await portal.Sender.SendDueAsync(Ct);
        var outbox = portal.OutboxPage;

        var firstTen = new PageRequest(0, 10);
        var suppressed = await outbox.ListAsync(new OutboxFilter(Status: NoticeStatus.Suppressed), firstTen, Ct);
        var byCustomer = await outbox.ListAsync(new OutboxFilter(Search: "ACME"), firstTen, Ct);
        var byOrder = await outbox.ListAsync(new OutboxFilter(Search: acmeOrders[2].Number), firstTen, Ct);
        var byOrderId = await outbox.ListAsync(new OutboxFilter(Search: acmeOrders[2].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), firstTen, Ct);
        var byReason = await outbox.ListAsync(new OutboxFilter(Search: "opted"), firstTen, Ct);
        var sentToAcme = await outbox.ListAsync(new OutboxFilter(NoticeStatus.Sent, "acme"), firstTen, Ct);
        var secondPage = await outbox.ListAsync(new OutboxFilter(), new PageRequest(2, 2, OutboxService.Sort.Created), Ct);
        var newestFirst = await outbox.ListAsync(new OutboxFilter(), firstTen, Ct);
        var byAttempts = await outbox.ListAsync(new OutboxFilter(), new PageRequest(0, 10, OutboxService.Sort.Attempts, Descending: true), Ct);

        Assert.Equal(quietOrder.Id, Assert.Single(suppressed.Rows).SalesOrderId);
        Assert.Equal(5, byCustomer.Total);
        Assert.Equal(acmeOrders[2].Number, Assert.Single(byOrder.Rows).OrderNumber);
        Assert.Equal(acmeOrders[2].Number, Assert.Single(byOrderId.Rows).OrderNumber);
        Assert.Equal("Quiet Ltd", Assert.Single(byReason.Rows).Customer);
        Assert.Equal(5, sentToAcme.Total);
        Assert.All(sentToAcme.Rows, r => Assert.Equal(NoticeStatus.Sent, r.Status));
        Assert.Equal(6, secondPage.Total);
        Assert.Equal([acmeOrders[2].Id, acmeOrders[3].Id], secondPage.Rows.Select(r => r.SalesOrderId));
        Assert.Equal(quietOrder.Id, newestFirst.Rows[0].SalesOrderId);
        Assert.Equal(0, byAttempts.Rows[^1].AttemptCount); // the suppressed one was never attempted
    }
}

public sealed class OutboxServiceTestsOnSqlite() : OutboxServiceTests(DatabaseProvider.Sqlite);

public sealed class OutboxServiceTestsOnPostgres() : OutboxServiceTests(DatabaseProvider.Postgres);

public sealed class OutboxServiceTestsOnSqlServer() : OutboxServiceTests(DatabaseProvider.SqlServer);
