using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Domain.Common;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A sales rep on the phone: enters an order with one line in stock and one short, reads the promise before saving,
/// saves, finds the allocation and the backorder's date on the order, then cancels the rest and sees it leave the board.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SalesOrderFlowTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task Rep_enters_an_order_sees_the_promise_saves_it_and_cancels_the_backorder()
    {
        var shop = await SalesBrowserShop.AddAsync(portal);
        var (fromStock, fromPo) = await shop.ExpectedDatesAsync(portal);
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("sales@demo.local");
        await page.GotoAsync("/sales/orders/new");
        await page.WaitForInteractiveAsync();

        await PickAsync(page, "customer-lookup", shop.CustomerCode);
        await Expect(page.GetByTestId("customer-notes")).ToContainTextAsync("Priority tier 5");
        await PickAsync(page, "product-lookup", shop.PlentySku);
        await SetQuantityAsync(page, 1, 5);
        await PickAsync(page, "product-lookup", shop.ShortSku);
        await SetQuantityAsync(page, 2, 6);

        // Before saving: line 1 all from stock; line 2 gets the 2 on the shelf now and 4 from the purchase order.
        var line1 = page.GetByTestId("promise-1");
        var line2 = page.GetByTestId("promise-2");
        await Expect(line1.GetByTestId("promise-date")).ToHaveTextAsync($"All 5 by {Show.Date(fromStock)}");
        await Expect(line2.GetByTestId("promise-date")).ToHaveTextAsync($"2 by {Show.Date(fromStock)}, 4 by {Show.Date(fromPo)}");
        await Expect(line2.GetByTestId("available")).ToHaveTextAsync(SalesBrowserShop.ShortOnHand.ToString());
        await Expect(line2.GetByTestId("incoming")).ToContainTextAsync($"{shop.PurchaseOrderNumber}: {SalesBrowserShop.OnOrder} due {Show.Date(shop.PurchaseOrderDue)}");
        await Expect(page.GetByTestId("order-promise")).ToHaveTextAsync($"7 units ship by {Show.Date(fromStock)}; the other 4 by {Show.Date(fromPo)}.");
        await BrowserSession.ScreenshotAsync(page, "sales-order-entry-promise");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save order" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/sales/orders/\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex(@"^SO-\d{6}$"));
        var orderNumber = (await page.Locator("h1").InnerTextAsync()).Trim();
        var orderUrl = page.Url;

        // After saving, the allocation ran at once: the order page shows what the engine reserved and dated.
        await ExpectLineAsync(page, 1, allocated: 5, backordered: 0, cancelled: 0);
        await ExpectLineAsync(page, 2, allocated: 2, backordered: 4, cancelled: 0);
        await Expect(page.GetByTestId("line-2").GetByTestId("eta")).ToContainTextAsync(Show.Date(fromPo));
        await Expect(page.GetByTestId("line-2").GetByTestId("eta")).ToContainTextAsync(shop.PurchaseOrderNumber);
        await Expect(page.GetByTestId("eta-note").Last).ToContainTextAsync($"Waiting for {shop.PurchaseOrderNumber}");
        await BrowserSession.ScreenshotAsync(page, "sales-order-detail-allocated");

        await OpenBoardForAsync(page, shop);
        await Expect(page.GetByTestId("backorders-grid")).ToContainTextAsync(orderNumber);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains($"{shop.CustomerCode},{shop.CustomerName},{orderNumber},2,{shop.ShortSku}", csv);
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        await BrowserSession.ScreenshotAsync(page, "sales-backorders-before-cancel");

        await page.GetByTestId("backorders-grid").GetByRole(AriaRole.Link, new() { Name = orderNumber }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("line-2").GetByTestId("cancel-units").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Units to cancel")).ToHaveValueAsync("4");
        await dialog.GetByLabel("Reason", new() { Exact = true }).FillAsync("Customer found them elsewhere");
        await page.WaitForTimeoutAsync(400); // let the field's floating label settle before the picture
        await BrowserSession.ScreenshotAsync(page, "sales-order-cancel-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel units" }).ClickAsync();

        await ExpectLineAsync(page, 2, allocated: 2, backordered: 0, cancelled: 4);
        // The cancellation asked the scheduler for a run; the page follows it until the 2 left are dated from stock.
        await Expect(page.GetByTestId("line-2").GetByTestId("eta")).ToHaveTextAsync(new Regex($@"^\s*{Regex.Escape(Show.Date(fromStock))}\s+In stock\s*$"), new() { Timeout = 20_000 });
        await Expect(page.GetByTestId("line-2").GetByTestId("reallocating")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("order-history")).ToContainTextAsync("Cancelled units: Line 2: 4 units; Customer found them elsewhere");
        await BrowserSession.ScreenshotAsync(page, "sales-order-detail-cancelled");

        await OpenBoardForAsync(page, shop);
        await Expect(page.GetByTestId("backorders-grid")).ToContainTextAsync("Nothing is backordered for these filters.");
        await Expect(page.GetByTestId("backorders-grid")).Not.ToContainTextAsync(orderNumber);
        await BrowserSession.ScreenshotAsync(page, "sales-backorders-after-cancel");

        // The customer calls the whole order off: the allocated units go back too and the order is Cancelled.
        await page.GotoAsync(orderUrl);
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("cancel-order").ClickAsync();
        var cancelOrder = page.GetByRole(AriaRole.Dialog);
        await cancelOrder.GetByLabel("Reason", new() { Exact = true }).FillAsync("Project cancelled");
        await cancelOrder.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).ClickAsync();
        await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("Cancelled");
        await Expect(page.GetByTestId("order-history")).ToContainTextAsync("Cancelled order:");
        await Expect(page.GetByTestId("cancel-order")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "sales-order-detail-order-cancelled");
    }

    [Fact]
    public async Task Orders_list_and_customers_open_and_filter_on_the_server()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("sales@demo.local");
        await page.GotoAsync("/sales/orders");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("orders-grid").Locator("tbody tr").First).ToContainTextAsync("SO-");
        await page.GetByText("With backorders").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "With backorders" })).ToBeCheckedAsync();
        await Expect(page.GetByTestId("orders-grid").GetByText(new Regex(@"of \d+ orders"))).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "sales-orders-list");
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserSession.ScreenshotAsync(page, "sales-orders-list-1280");

        await page.GotoAsync("/sales/customers");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("customers-grid").GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("customer-error")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "sales-customer-detail");
    }

    [Fact]
    public async Task Sales_home_shows_the_figures_and_the_oldest_backorders()
    {
        await SalesBrowserShop.AddAsync(portal);
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("sales@demo.local");
        await page.GotoAsync("/sales");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("open-orders")).ToContainTextAsync("Open orders");
        await Expect(page.GetByTestId("oldest-backorders").GetByRole(AriaRole.Link).First).ToContainTextAsync("SO-");
        await BrowserSession.ScreenshotAsync(page, "sales-home");

        // A tablet: the same page and the backorders board still read at about 800 px.
        await page.SetViewportSizeAsync(800, 1000);
        await BrowserSession.ScreenshotAsync(page, "sales-home-tablet");
        await page.GotoAsync("/sales/backorders");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("backorders-grid").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^SO-") }).First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "sales-backorders-tablet");
    }

    private static async Task PickAsync(IPage page, string lookup, string text)
    {
        await page.GetByTestId(lookup).Locator("input").FillAsync(text);
        await page.GetByTestId(lookup).GetByRole(AriaRole.Option).Filter(new() { HasText = text }).GetByRole(AriaRole.Button).ClickAsync();
    }

    private static async Task SetQuantityAsync(IPage page, int line, int quantity)
    {
        var input = page.Locator($"#qty-{line}");
        await input.FillAsync(quantity.ToString());
        await input.PressAsync("Tab");
    }

    private static async Task ExpectLineAsync(IPage page, int line, int allocated, int backordered, int cancelled)
    {
        var row = page.GetByTestId($"line-{line}");
        await Expect(row.GetByTestId("allocated")).ToHaveTextAsync(allocated.ToString());
        await Expect(row.GetByTestId("backordered")).ToHaveTextAsync(backordered.ToString());
        await Expect(row.GetByTestId("cancelled")).ToHaveTextAsync(cancelled.ToString());
    }

    private static async Task OpenBoardForAsync(IPage page, SalesBrowserShop shop)
    {
        await page.GotoAsync("/sales/backorders");
        await page.WaitForInteractiveAsync();
        await page.Locator(".filters").GetByPlaceholder("Number or name").FillAsync(shop.CustomerCode);
        await page.Locator(".filters").GetByRole(AriaRole.Option).Filter(new() { HasText = shop.CustomerCode }).GetByRole(AriaRole.Button).ClickAsync();
    }
}
