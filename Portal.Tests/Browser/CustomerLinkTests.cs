using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Common;
using Portal.Domain.Sales;
using Portal.Features.Allocation;
using Portal.Features.Sales.CustomerReplies;
using Portal.Tests.Notifications;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A customer answers from the email (docs/customer-replies.md), on a portal of its own that emails a real SMTP server:
/// the link in the email opens their order's page, where they cancel, accept a later date, or ask for a fresh link;
/// the rep sees each reply. Links that do not work show a plain page that names nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomerLinkTests(BrowserSession browser)
{
    [Fact]
    public async Task Customer_follows_the_emailed_link_cancels_a_line_and_the_rep_and_the_next_order_see_it()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = PortalServer.With(CustomerLinkShop.Environment(smtp.Port));
        await portal.StartAsync();
        var shop = await CustomerLinkShop.AddAsync(portal);
        var first = await shop.NextEmailAsync(smtp, 0);
        Assert.Contains(shop.OrderNumber, first.Subject);
        await using (var db = SalesBrowserShop.Open(portal))
        {
            // The link opens the order as the customer, so staff reading the outbox never see it.
            var kept = await db.CustomerNotices.Where(n => n.SalesOrderId == shop.OrderId).Select(n => n.TextBody + n.HtmlBody).SingleAsync();
            Assert.DoesNotContain("/your-order/", kept);
            Assert.Contains(Portal.Features.Notifications.NoticeSender.KeptLink, kept);
        }

        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SetViewportSizeAsync(390, 844);
        var response = await page.GotoAsync(first.CustomerLink);
        Assert.Contains("no-store", response!.Headers["cache-control"]);
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Order {shop.OrderNumber}");

        // The partly ready line: 2 ready, 3 waiting for the purchase order; its date is the PO's arrival + receiving + picking.
        var (arrives, shipDate) = await DatesAsync(portal, shop.PurchaseOrderDue);
        var valve = page.GetByTestId("line-1");
        await Expect(valve).ToContainTextAsync(shop.PartlyReadySku);
        await Expect(valve.Locator("dd")).ToHaveTextAsync(["5", "0", "2", "3"]);
        await Expect(valve).ToContainTextAsync($"Estimated ship date: {Show.Date(shipDate)} (arriving from our supplier, expected {Show.Date(arrives)})");
        await Expect(page.GetByTestId("line-2")).ToContainTextAsync("we have not ordered it from the supplier yet");
        await BrowserSession.ScreenshotAsync(page, "customer-order-phone");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSession.ScreenshotAsync(page, "customer-order-desktop");

        var html = await page.ContentAsync();
        Assert.DoesNotContain(shop.OtherCustomerName, html);
        Assert.DoesNotContain("19.9", html); // no prices
        Assert.DoesNotContain("on hand", html, StringComparison.OrdinalIgnoreCase);

        await valve.GetByRole(AriaRole.Button, new() { Name = "Cancel the 5 units not yet shipped" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel them" }).ClickAsync();
        await Expect(page.GetByTestId("customer-message")).ToContainTextAsync("Done: what had not shipped on line 1 is cancelled.");
        await Expect(page.GetByTestId("line-1").Locator("dd")).ToHaveTextAsync(["5", "0", "0", "0", "5"]);

        // The 2 units it held go to the order waiting behind it on the next run.
        await shop.WaitUntilAsync(portal, async db =>
            (await db.SalesOrderLines.SingleAsync(l => l.SalesOrderId == shop.OtherOrderId)).Allocated == 2);

        // One email with a quiet window; with none (here) the reply may go out a moment before the run's cancellation.
        var confirmations = new List<ReceivedEmail> { await shop.NextEmailAsync(smtp, 1) };
        if (!confirmations[0].Subject.StartsWith("Cancelled:", StringComparison.Ordinal))
        {
            confirmations.Add(await shop.NextEmailAsync(smtp, 2));
        }

        Assert.Contains(confirmations, e => e.Subject.StartsWith($"Cancelled: items on order {shop.OrderNumber}", StringComparison.Ordinal));
        Assert.Contains(confirmations, e => e.Text!.Contains($"You told us:") && e.Text.Contains($"cancel the 5 units of {shop.PartlyReadySku}"));

        var rep = await browser.NewPageAsync(portal.BaseUrl);
        await rep.SignInAsync("sales@demo.local");
        await rep.GotoAsync($"/sales/orders/{shop.OrderId}");
        await rep.WaitForInteractiveAsync();
        await Expect(rep.GetByTestId("customer-replied")).ToContainTextAsync("Cancelled the 5 units of line 1 not yet shipped");
        await Expect(rep.Locator("body")).ToContainTextAsync(CustomerReplyService.User);
        await BrowserSession.ScreenshotAsync(rep, "order-detail-customer-replied");
        await rep.GotoAsync("/sales");
        await Expect(rep.GetByTestId("customer-replies")).ToContainTextAsync(shop.OrderNumber);
    }

    [Fact]
    public async Task A_changed_expired_or_foreign_link_shows_a_plain_refusal_that_names_nothing_and_an_expired_one_gets_a_fresh_link()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = PortalServer.With(CustomerLinkShop.Environment(smtp.Port));
        await portal.StartAsync();
        var shop = await CustomerLinkShop.AddAsync(portal);
        // The first email has gone out, so the fresh link below starts an email of its own rather than joining that one.
        await shop.NextEmailAsync(smtp, 0);
        var links = CustomerLinkShop.Links(portal);
        int customerId, otherCustomerId;
        await using (var db = SalesBrowserShop.Open(portal))
        {
            customerId = (await db.SalesOrders.SingleAsync(o => o.Id == shop.OrderId)).CustomerId;
            otherCustomerId = (await db.SalesOrders.SingleAsync(o => o.Id == shop.OtherOrderId)).CustomerId;
        }

        var good = links.Token(shop.OrderId, customerId, DateTimeOffset.UtcNow.AddDays(1));
        var changed = good[..^3] + (good[^3] == 'x' ? "y" : "x") + good[^2..];
        var foreign = links.Token(shop.OrderId, otherCustomerId, DateTimeOffset.UtcNow.AddDays(1));
        var page = await browser.NewPageAsync(portal.BaseUrl);
        foreach (var token in new[] { changed, foreign, "not-a-link" })
        {
            var response = await page.GotoAsync($"/your-order/{token}");
            Assert.Equal(200, response!.Status);
            Assert.Contains("no-store", response.Headers["cache-control"]);
            await Expect(page.Locator("h1")).ToHaveTextAsync("This link does not work");
            NamesNothing(await page.ContentAsync(), shop);
        }

        await BrowserSession.ScreenshotAsync(page, "customer-link-refused");
        // Details that do not match the records get the same answer, and no email.
        await page.GetByLabel("Order number").FillAsync(shop.OrderNumber);
        await page.GetByLabel("Email address").FillAsync("someone@else.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a fresh link" }).ClickAsync();
        await Expect(page.GetByTestId("customer-message")).ToContainTextAsync("If the details match our records");

        var expired = links.Token(shop.OrderId, customerId, DateTimeOffset.UtcNow.AddMinutes(-1));
        await page.GotoAsync($"/your-order/{expired}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("This link has expired");
        NamesNothing(await page.ContentAsync(), shop);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a fresh link" }).ClickAsync();
        await Expect(page.GetByTestId("customer-message")).ToContainTextAsync("a fresh link is on its way");

        var fresh = await shop.NextEmailAsync(smtp, 1);
        Assert.Equal($"Your link to order {shop.OrderNumber}", fresh.Subject);
        await page.GotoAsync(fresh.CustomerLink);
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Order {shop.OrderNumber}");
        Assert.DoesNotContain(smtp.Messages(), m => m.To.Contains("someone@else.example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_date_that_slips_far_asks_the_customer_the_rep_is_reminded_and_the_customer_accepts()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var portal = PortalServer.With(CustomerLinkShop.Environment(smtp.Port));
        await portal.StartAsync();
        var shop = await CustomerLinkShop.AddAsync(portal);
        await shop.NextEmailAsync(smtp, 0);

        // The supplier slips four weeks: far beyond the 5 business days the setting allows.
        var slipped = shop.PurchaseOrderDue.AddDays(28);
        await using (var db = SalesBrowserShop.Open(portal))
        {
            var po = await db.PurchaseOrders.Include(p => p.Lines).SingleAsync(p => p.Id == shop.PurchaseOrderId);
            po.ChangeExpectedDate(1, slipped, DateOnly.FromDateTime(DateTime.UtcNow));
            db.PendingAllocations.Add(new Domain.Allocation.PendingAllocation(shop.PartlyReadyProductId, "supplier slipped", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var asking = await shop.NextEmailAsync(smtp, 1);
        Assert.StartsWith($"New date for order {shop.OrderNumber}", asking.Subject);
        Assert.Contains("Please tell us whether you accept the new date", asking.Text);
        var (_, newShipDate) = await DatesAsync(portal, slipped);

        // Nobody answers for four days: the rep is told on the Sales home.
        await shop.WaitUntilAsync(portal, db => db.LaterDateQuestions.AnyAsync(q => q.SalesOrderId == shop.OrderId));
        await using (var db = SalesBrowserShop.Open(portal))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"LaterDateQuestions\" SET \"AskedAt\" = {0} WHERE \"SalesOrderId\" = {1}",
                Portal.Data.SqliteUtcTextConverter.ToText(DateTimeOffset.UtcNow.AddDays(-4)), shop.OrderId);
        }

        var rep = await browser.NewPageAsync(portal.BaseUrl);
        await rep.SignInAsync("sales@demo.local");
        await rep.GotoAsync("/sales");
        await rep.WaitForInteractiveAsync();
        await Expect(rep.GetByTestId("unanswered-dates")).ToContainTextAsync($"{shop.OrderNumber} {shop.CustomerName}, line 1 {shop.PartlyReadySku}: now {Show.Date(newShipDate)}");
        await BrowserSession.ScreenshotAsync(rep, "sales-home-unanswered-date");

        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(asking.CustomerLink);
        var question = page.GetByTestId("question-1");
        await Expect(question).ToContainTextAsync($"now {Show.Date(newShipDate)}");
        await BrowserSession.ScreenshotAsync(page, "customer-order-later-date-phone");

        // Sales cancels a unit while the page is open: the customer's answer to what they saw is refused, with the line as it is now.
        await using (var db = SalesBrowserShop.Open(portal))
        {
            var order = await db.SalesOrders.Include(o => o.Lines).SingleAsync(o => o.Id == shop.OrderId);
            order.Cancel(1, 1);
            await db.SaveChangesAsync();
        }

        await question.GetByRole(AriaRole.Button, new() { Name = "Accept the new date" }).ClickAsync();
        await Expect(page.GetByTestId("customer-message")).ToContainTextAsync("Line 1 changed since you opened this page");
        await Expect(page.GetByTestId("line-1").Locator("dd")).ToHaveTextAsync(["5", "0", "2", "2", "1"]);
        await BrowserSession.ScreenshotAsync(page, "customer-order-stale-phone");
        await question.GetByRole(AriaRole.Button, new() { Name = "Accept the new date" }).ClickAsync();
        await Expect(page.GetByTestId("customer-message")).ToContainTextAsync("you accept the later date for line 1");
        await Expect(page.GetByTestId("question-1")).ToHaveCountAsync(0);

        var confirmation = await shop.NextEmailAsync(smtp, 2);
        Assert.Equal($"We have your reply: order {shop.OrderNumber}", confirmation.Subject);
        Assert.Contains($"you accept the later date {Show.Date(newShipDate)}", confirmation.Text);

        await rep.GotoAsync("/sales");
        await rep.WaitForInteractiveAsync();
        await Expect(rep.GetByTestId("customer-replies")).ToContainTextAsync($"Accepted the later date {Show.Date(newShipDate)} for line 1");
        await Expect(rep.GetByTestId("unanswered-dates")).ToHaveCountAsync(0);
    }

    private static void NamesNothing(string html, CustomerLinkShop shop)
    {
        foreach (var secret in new[] { shop.OrderNumber, shop.CustomerName, shop.OtherCustomerName, shop.PartlyReadySku, shop.NotOrderedSku, shop.Email })
        {
            Assert.DoesNotContain(secret, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    // The supplier's date counts as today once passed; the ship date adds receiving and picking days.
    private static async Task<(DateOnly Arrives, DateOnly Ships)> DatesAsync(PortalServer portal, DateOnly due)
    {
        await using var db = SalesBrowserShop.Open(portal);
        var rules = await AllocationRules.LoadAsync(db, TimeProvider.System, CancellationToken.None);
        return (due, rules.Calendar.AddBusinessDays(due, rules.Eta.ReceivingDays + rules.Eta.PickDays));
    }
}
