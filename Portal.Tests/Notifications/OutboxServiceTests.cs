using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Admin.Outbox;
using Portal.Features.Notifications;
using Radzen;

namespace Portal.Tests.Notifications;

// The Admin outbox grid filters, sorts and pages in the database, through the grid's own filter descriptors.
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

        var cutoff = Clock.GetUtcNow() - TimeSpan.FromMinutes(3);
        Clock.Advance(QuietWindow);
        await portal.Sender.SendDueAsync(Ct);
        var outbox = portal.OutboxPage;

        var suppressed = await outbox.ListAsync(new OutboxQuery(0, 10, Filters: [Filter(nameof(OutboxRow.Status), NoticeStatus.Suppressed)]), Ct);
        var byCustomer = await outbox.ListAsync(new OutboxQuery(0, 10, Filters: [Filter(nameof(OutboxRow.Customer), "ACME", FilterOperator.Contains)]), Ct);
        var byOrder = await outbox.ListAsync(new OutboxQuery(0, 10, Filters: [Filter(nameof(OutboxRow.SalesOrderId), acmeOrders[2].Id)]), Ct);
        var byReason = await outbox.ListAsync(new OutboxQuery(0, 10, Filters: [Filter(nameof(OutboxRow.LastError), "opted", FilterOperator.Contains)]), Ct);
        var recent = await outbox.ListAsync(new OutboxQuery(0, 10, Filters: [Filter(nameof(OutboxRow.CreatedAt), cutoff, FilterOperator.GreaterThanOrEquals)]), Ct);
        var secondPage = await outbox.ListAsync(new OutboxQuery(2, 2, OrderBy: "CreatedAt asc"), Ct);
        var newestFirst = await outbox.ListAsync(new OutboxQuery(0, 10), Ct);
        var byAttempts = await outbox.ListAsync(new OutboxQuery(0, 10, OrderBy: "AttemptCount desc"), Ct);

        Assert.Equal(quietOrder.Id, Assert.Single(suppressed.Rows).SalesOrderId);
        Assert.Equal(5, byCustomer.Count);
        Assert.Equal(acmeOrders[2].Number, Assert.Single(byOrder.Rows).OrderNumber);
        Assert.Equal("Quiet Ltd", Assert.Single(byReason.Rows).Customer);
        Assert.Equal(3, recent.Count);
        Assert.Equal(6, secondPage.Count);
        Assert.Equal([acmeOrders[2].Id, acmeOrders[3].Id], secondPage.Rows.Select(r => r.SalesOrderId));
        Assert.Equal(quietOrder.Id, newestFirst.Rows[0].SalesOrderId);
        Assert.Equal(0, byAttempts.Rows[^1].AttemptCount); // the suppressed one was never attempted
    }

    private static FilterDescriptor Filter(string property, object value, FilterOperator op = FilterOperator.Equals) =>
        new() { Property = property, FilterValue = value, FilterOperator = op };
}

public sealed class OutboxServiceTestsOnSqlite() : OutboxServiceTests(DatabaseProvider.Sqlite);

public sealed class OutboxServiceTestsOnPostgres() : OutboxServiceTests(DatabaseProvider.Postgres);

public sealed class OutboxServiceTestsOnSqlServer() : OutboxServiceTests(DatabaseProvider.SqlServer);
