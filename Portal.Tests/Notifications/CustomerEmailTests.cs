using Portal.Data;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Features.Purchasing.PurchaseOrders;
using Portal.Features.Sales.OrderDetail;
using Portal.Features.Warehouse.Picking;
using Portal.Features.Warehouse.Receiving;

namespace Portal.Tests.Notifications;

public sealed class CustomerEmailTestsOnSqlite() : CustomerEmailTests(DatabaseProvider.Sqlite);

public sealed class CustomerEmailTestsOnPostgres() : CustomerEmailTests(DatabaseProvider.Postgres);

public sealed class CustomerEmailTestsOnSqlServer() : CustomerEmailTests(DatabaseProvider.SqlServer);

/// <summary>
/// docs/customer-notices.md#subject, on a real SMTP server: each kind of change reaches the customer with a subject
/// saying what happened to which order, caused the way staff cause it and run by the jobs. The order: 8 units, 5 from
/// stock, 3 waiting for a purchase order that makes them ship Tuesday 1 December.
/// </summary>
public abstract class CustomerEmailTests(DatabaseProvider provider) : NoticeDeliveryTestBase(provider)
{
    private const string User = "staff@portal.example";

    [Fact]
    public async Task Backordered()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var (orderId, _) = await ShortOrderAsync();

        await RunJobsAsync(portal);

        var email = Assert.Single(smtp.Messages());
        Assert.Equal($"Backordered: order {SalesOrder.Format(orderId)}", email.Subject);
        Says(email, "8 ordered: 5 ready to ship, 3 backordered");
        Says(email, "Tue 1 Dec 2026");
        Assert.DoesNotContain(", now ", email.Text); // a first date is not a change
    }

    [Fact]
    public async Task New_date_shows_the_date_the_customer_was_told_and_the_new_one()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var (orderId, poId) = await ToldOfTheBackorderAsync(portal);

        // The supplier slips a week: Friday 4 December + 1 + 1 = Tuesday 8 December.
        Assert.Null(await portal.Scoped<PurchaseOrderService>().ChangeExpectedDateAsync(
            poId, 1, new DateOnly(2026, 12, 4), await VersionAsync<PurchaseOrder>(poId), User));
        await RunJobsAsync(portal);

        var email = smtp.Messages()[^1];
        Assert.Equal($"New date for order {SalesOrder.Format(orderId)}: Tue 8 Dec 2026", email.Subject);
        Assert.Contains("Estimated ship date: was Tue 1 Dec 2026, now Tue 8 Dec 2026", email.Text);
        Assert.Contains("<td>was Tue 1 Dec 2026, now Tue 8 Dec 2026</td>", email.Html);
    }

    [Fact]
    public async Task Date_that_became_unknown_shows_the_date_the_customer_was_told_and_says_unknown_date()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var (orderId, poId) = await ToldOfTheBackorderAsync(portal, leadTimeDays: null);

        // No purchase order and no supplier lead time: nobody can say when the 3 units come.
        Assert.Null(await portal.Scoped<PurchaseOrderService>().CancelAsync(poId, await VersionAsync<PurchaseOrder>(poId), User));
        await RunJobsAsync(portal);

        var email = smtp.Messages()[^1];
        Assert.Equal($"New date for order {SalesOrder.Format(orderId)}: unknown date", email.Subject);
        Assert.Contains("Estimated ship date: was Tue 1 Dec 2026, now unknown date (", email.Text);
        Assert.Contains("<td>was Tue 1 Dec 2026, now unknown date (", email.Html);
    }

    [Fact]
    public async Task Ready_to_ship()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var (orderId, poId) = await ToldOfTheBackorderAsync(portal);

        Assert.Null(await portal.Scoped<ReceivingService>().ReceiveAsync(poId, 1, 20, User));
        await RunJobsAsync(portal);

        var email = smtp.Messages()[^1];
        Assert.Equal($"Ready to ship: order {SalesOrder.Format(orderId)}", email.Subject);
        Says(email, "8 ordered: 8 ready to ship");
    }

    [Fact]
    public async Task Shipped()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var (orderId, _) = await ToldOfTheBackorderAsync(portal);

        Assert.Null(await portal.Scoped<PickingService>().ShipAsync(new ShipLine(orderId, 1, AllocatedSeen: 5, Quantity: 5), User, Ct));
        await RunJobsAsync(portal);

        var email = smtp.Messages()[^1];
        Assert.Equal($"Shipped: order {SalesOrder.Format(orderId)}", email.Subject);
        Says(email, "8 ordered: 5 shipped, 3 backordered");
    }

    [Fact]
    public async Task Backorder_cancelled()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var (orderId, _) = await ToldOfTheBackorderAsync(portal);

        await CancelBackorderedAsync(portal, orderId);
        await RunJobsAsync(portal);

        var email = smtp.Messages()[^1];
        Assert.Equal($"Cancelled: items on order {SalesOrder.Format(orderId)}", email.Subject);
        Says(email, "8 ordered: 5 ready to ship, 3 cancelled");
    }

    [Fact]
    public async Task Shipped_and_cancelled_in_one_email_leads_with_the_cancellation()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = Instance(smtp.Port);
        var (orderId, _) = await ToldOfTheBackorderAsync(portal);

        Assert.Null(await portal.Scoped<PickingService>().ShipAsync(new ShipLine(orderId, 1, AllocatedSeen: 5, Quantity: 5), User, Ct));
        await CancelBackorderedAsync(portal, orderId);
        await RunJobsAsync(portal);

        Assert.Equal(2, smtp.Messages().Count);
        var email = smtp.Messages()[^1];
        Assert.Equal($"Cancelled: items on order {SalesOrder.Format(orderId)}, and other updates", email.Subject);
        Says(email, "8 ordered: 5 shipped, 3 cancelled");
    }

    // The first email: the customer hears of the backorder and its date, Tuesday 1 December.
    private async Task<(int OrderId, int PoId)> ToldOfTheBackorderAsync(PortalInstance portal, int? leadTimeDays = 10)
    {
        var order = await ShortOrderAsync(leadTimeDays);
        await RunJobsAsync(portal);
        return order;
    }

    private async Task CancelBackorderedAsync(PortalInstance portal, int orderId) =>
        Assert.Null(await portal.Scoped<OrderDetailService>().CancelUnitsAsync(
            orderId, await VersionAsync<SalesOrder>(orderId), 1, 3, "Customer no longer needs them", User));
}
