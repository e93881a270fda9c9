using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;
using Portal.Features.Notifications;
using Portal.Features.Notifications.Links;
using Portal.Features.Sales.CustomerReplies;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Sales.CustomerReplies;

public sealed class CustomerReplyServiceTestsOnSqlite() : CustomerReplyServiceTests(DatabaseProvider.Sqlite);

public sealed class CustomerReplyServiceTestsOnPostgres() : CustomerReplyServiceTests(DatabaseProvider.Postgres);

public sealed class CustomerReplyServiceTestsOnSqlServer() : CustomerReplyServiceTests(DatabaseProvider.SqlServer);

/// <summary>
/// What a customer does through the link in an email (docs/customer-replies.md): each choice goes through the order's
/// change path as the customer, is recorded for the rep, audited and confirmed by email; a stale page is refused.
/// </summary>
public abstract class CustomerReplyServiceTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly OrderLinks links = new(new EphemeralDataProtectionProvider(), Options.Create(new CustomerLinkOptions { PublicBaseUrl = "https://orders.example" }),
        new ServiceCollection().BuildServiceProvider());

    [Fact]
    public async Task Customer_cancels_what_has_not_shipped_and_the_freed_units_go_to_the_next_waiting_order()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var shop = new SalesData(new TestData(NewContext()));
        var product = shop.Product(onHand: 2);
        var theirs = shop.OrderPlaced(shop.Customer(), TestData.Now.AddHours(-3), (product, 5));
        var next = shop.OrderPlaced(shop.Customer(), TestData.Now.AddHours(-2), (product, 2));
        await sales.Allocation.RunAsync([product.Id]);
        var replies = Service(sales);
        var link = replies.ReadLink(Token(theirs));
        var view = (await replies.GetAsync(link))!;
        Assert.Equal((5, 2, 3), (view.Lines[0].Ordered, view.Lines[0].Ready, view.Lines[0].Waiting));

        Assert.Null(await replies.CancelRestAsync(link, 1, view.Lines[0].Version));

        await using (var saved = NewContext())
        {
            var line = await saved.SalesOrderLines.SingleAsync(l => l.SalesOrderId == theirs.Id);
            Assert.Equal((5, 0, 0), (line.Cancelled, line.Allocated, line.Backordered));
            var audit = await saved.AuditEvents.SingleAsync(a => a.EntityId == theirs.Number);
            Assert.Equal((CustomerReplyService.User, "Cancelled line"), (audit.User, audit.Action));
            var reply = await saved.CustomerReplies.SingleAsync();
            Assert.Equal($"Cancelled the 5 units of line 1 not yet shipped", reply.Describe());
            var confirmation = await saved.NoticeEvents.SingleAsync(e => e.Kind == NoticeKind.CustomerReply);
            Assert.Contains("cancel the 5 units", confirmation.Note);
        }

        await sales.Allocation.RunPendingAsync([product.Id]);
        await using var check = NewContext();
        Assert.Equal(2, (await check.SalesOrderLines.SingleAsync(l => l.SalesOrderId == next.Id)).Allocated);
    }

    [Fact]
    public async Task A_choice_made_on_a_page_that_is_out_of_date_is_refused_and_changes_nothing()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var shop = new SalesData(new TestData(NewContext()));
        var product = shop.Product(onHand: 0);
        var order = shop.Order(shop.Customer(), (product, 4));
        await sales.Allocation.RunAsync([product.Id]);
        var replies = Service(sales);
        var link = replies.ReadLink(Token(order));
        var seen = (await replies.GetAsync(link))!;

        // Sales cancels one unit meanwhile.
        Assert.Null(await sales.Detail.CancelUnitsAsync(order.Id, (await sales.Detail.GetAsync(order.Id))!.Version, 1, 1, "Phoned in", "rep@portal.example"));

        var refused = await replies.CancelRestAsync(link, 1, seen.Lines[0].Version);
        Assert.StartsWith("Line 1 changed since you opened this page", refused);
        Assert.StartsWith("Your order changed since you opened this page", await replies.ChooseShippingAsync(link, true, seen.Version));

        await using var check = NewContext();
        var line = await check.SalesOrderLines.SingleAsync();
        Assert.Equal((1, 3), (line.Cancelled, line.Backordered));
        Assert.False((await check.SalesOrders.SingleAsync()).ShipComplete);
        Assert.Empty(await check.CustomerReplies.ToListAsync());
    }

    [Fact]
    public async Task Accepting_a_later_date_answers_the_question_and_the_order_can_switch_how_it_ships()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var shop = new SalesData(new TestData(NewContext()));
        var product = shop.Product(onHand: 0);
        var order = shop.Order(shop.Customer(), (product, 3));
        await sales.Allocation.RunAsync([product.Id]);
        await using (var db = NewContext())
        {
            var lineId = await db.SalesOrderLines.Where(l => l.SalesOrderId == order.Id).Select(l => l.Id).SingleAsync();
            db.LaterDateQuestions.Add(new LaterDateQuestion(order.Id, lineId, TestData.Today.AddDays(3), TestData.Today.AddDays(20), TestData.Now));
            await db.SaveChangesAsync();
        }

        var replies = Service(sales);
        var link = replies.ReadLink(Token(order));
        var view = (await replies.GetAsync(link))!;
        Assert.Equal(TestData.Today.AddDays(20), view.Lines[0].Question!.NewDate);

        Assert.Null(await replies.AcceptLaterDateAsync(link, 1, view.Lines[0].Version));
        Assert.Null((await replies.GetAsync(link))!.Lines[0].Question);
        Assert.Equal("There is no later date on line 1 waiting for your answer.",
            await replies.AcceptLaterDateAsync(link, 1, (await replies.GetAsync(link))!.Lines[0].Version));

        Assert.Null(await replies.ChooseShippingAsync(link, true, (await replies.GetAsync(link))!.Version));

        await using var check = NewContext();
        Assert.Equal(LaterDateAnswer.Accepted, (await check.LaterDateQuestions.SingleAsync()).Answer);
        var saved = await check.SalesOrders.Include(o => o.Lines).SingleAsync();
        Assert.True(saved.ShipComplete);
        Assert.True(saved.Lines[0].ShipComplete); // the release rule reads it from the line
        Assert.Equal([CustomerReplyKind.AcceptedLaterDate, CustomerReplyKind.ShipComplete],
            await check.CustomerReplies.OrderBy(r => r.Id).Select(r => r.Kind).ToListAsync());
        Assert.Equal(["Customer accepted later date", "Changed to ship complete"],
            await check.AuditEvents.Where(a => a.User == CustomerReplyService.User).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.True(await check.PendingAllocations.AnyAsync(p => p.ProductId == product.Id));
    }

    [Fact]
    public async Task A_link_opens_only_its_own_order_and_a_changed_or_foreign_token_opens_none()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var shop = new SalesData(new TestData(NewContext()));
        var product = shop.Product(onHand: 5);
        var mine = shop.Order(shop.Customer(), (product, 1));
        var other = shop.Order(shop.Customer(), (product, 2));
        var replies = Service(sales);

        Assert.Equal(mine.Id, (await replies.GetAsync(replies.ReadLink(Token(mine))))!.OrderId);
        var token = Token(mine);
        var changed = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        Assert.Equal(OrderLinkState.Invalid, replies.ReadLink(changed).State);
        Assert.Equal(OrderLinkState.Invalid, replies.ReadLink(new EphemeralDataProtectionProvider().CreateProtector(OrderLinks.Purpose).Protect("x")).State);
        // A genuine link whose customer no longer owns the order shows nothing.
        Assert.Null(await replies.GetAsync(replies.ReadLink(links.Token(other.Id, mine.CustomerId, DateTimeOffset.UtcNow.AddDays(1)))));

        var expired = replies.ReadLink(links.Token(mine.Id, mine.CustomerId, DateTimeOffset.UtcNow.AddMinutes(-1)));
        Assert.Equal(new OrderLinkRead(OrderLinkState.Expired, mine.Id, mine.CustomerId), expired);
        Assert.Null(await replies.GetAsync(expired));
        Assert.Equal("This link no longer works, so nothing was changed.", await replies.CancelRestAsync(expired, 1, 0));
    }

    [Fact]
    public async Task A_fresh_link_goes_only_to_the_address_on_file_and_at_most_once_in_a_while()
    {
        await using var sales = await SalesHarness.CreateAsync(Db);
        var shop = new SalesData(new TestData(NewContext()));
        var product = shop.Product(onHand: 5);
        var order = shop.Order(shop.Customer(), (product, 1));
        var replies = Service(sales);
        var expired = replies.ReadLink(links.Token(order.Id, order.CustomerId, DateTimeOffset.UtcNow.AddMinutes(-1)));

        Assert.False(await replies.SendFreshLinkAsync(order.Number, "someone@else.example"));
        Assert.True(await replies.SendFreshLinkAsync(expired));
        Assert.False(await replies.SendFreshLinkAsync(order.Number, "BUYER@customer.example")); // matches, but one was just sent

        await using var check = NewContext();
        var notice = await check.CustomerNotices.Include(n => n.Events).SingleAsync();
        Assert.Equal((order.Id, TestData.Now), (notice.SalesOrderId, notice.DueAt)); // due at once, not after the quiet window
        Assert.Equal(NoticeKind.LinkRequested, Assert.Single(notice.Events).Kind);
    }

    private CustomerReplyService Service(SalesHarness sales) => new(sales.Factory, sales.Detail, links, new NoticeOutbox(sales.Clock), sales.Clock);

    private string Token(SalesOrder order) => links.Token(order.Id, order.CustomerId, DateTimeOffset.UtcNow.AddDays(30));
}
