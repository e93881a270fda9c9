using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Common;
using Portal.Domain.Purchasing;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>A purchase order's own page in the real portal: a buyer cancels a line and the waiting customer's date follows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PurchaseOrderDetailTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task Purchasing_opens_a_po_cancels_one_line_and_the_waiting_customers_date_moves_to_the_next_supply()
    {
        await new PurchasingPortalData(portal).WaitForDemoAllocationAsync();
        var shop = await PurchaseOrderBrowserData.AddAsync(portal);
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SetViewportSizeAsync(1400, 1000);
        await page.SignInAsync("purchasing@demo.local");

        // The customer counts on PO A, and the product's page links to it.
        await page.GotoAsync($"/purchasing/shortages/{shop.ProductId}");
        await page.WaitForInteractiveAsync();
        var eta = page.Locator("[data-testid=waiting-lines] .eta");
        await Expect(eta).ToHaveTextAsync($"{Show.Date(shop.EtaFromA)} (on a PO)");
        await page.Locator("[data-testid=incoming-lines]").GetByRole(AriaRole.Link, new() { Name = PurchaseOrder.Format(shop.PoA) }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(PurchaseOrder.Format(shop.PoA));
        await page.WaitForInteractiveAsync();
        var valveLine = page.Locator("[data-testid=po-line-1]");
        await Expect(valveLine.Locator("[data-testid=open]")).ToHaveTextAsync("6");
        await Expect(page.Locator("[data-testid=po-line-2] [data-testid=overdue]")).ToHaveTextAsync("Overdue");
        await ScreenshotsAsync(page, "purchasing-po-detail");

        // No reason, no cancel; with one, the six units still to come go.
        await valveLine.GetByRole(AriaRole.Button, new() { Name = "Cancel the rest" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel 6 units" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("Reason is required.");
        await BrowserSession.ScreenshotAsync(page, "purchasing-po-cancel-line-dialog");
        await dialog.Locator("#cancel-reason").FillAsync("Supplier discontinued the valve");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel 6 units" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await Expect(valveLine.Locator("[data-testid=cancelled]")).ToHaveTextAsync("6");
        await Expect(valveLine.Locator("[data-testid=open]")).ToHaveTextAsync("0");
        await Expect(valveLine.GetByRole(AriaRole.Button, new() { Name = "Cancel the rest" })).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=po-history] li").First).ToContainTextAsync("Line cancelled: Line 1: 6 open units cancelled (Supplier discontinued the valve)");
        await Expect(page.Locator("[data-testid=po-status-chip]")).ToHaveTextAsync("Open"); // the gasket line is still to come
        await ScreenshotsAsync(page, "purchasing-po-detail-line-cancelled");

        // The portal's run moves the customer to PO B.
        await page.GotoAsync($"/purchasing/shortages/{shop.ProductId}");
        await PurchasingPagesTests.EventuallyAsync(async () =>
        {
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            return await eta.TextContentAsync() == $"{Show.Date(shop.EtaFromB)} (on a PO)";
        }, seconds: 30);
        await using var db = new PurchasingPortalData(portal).Open();
        Assert.Equal(shop.PoB, (await db.SalesOrderLines.AsNoTracking().SingleAsync(l => l.Id == shop.WaitingLineId)).EtaPurchaseOrderId);
    }

    [Fact]
    public async Task Received_and_cancelled_orders_are_found_with_the_status_filter_and_open_from_the_list()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SetViewportSizeAsync(1280, 900);
        await page.SignInAsync("purchasing@demo.local");
        var shop = await PurchaseOrderBrowserData.AddAsync(portal);
        await using (var db = new PurchasingPortalData(portal).Open())
        {
            var b = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == shop.PoB);
            b.Cancel();
            await db.SaveChangesAsync();
        }

        await page.GotoAsync("/purchasing/orders");
        await page.WaitForInteractiveAsync();
        await page.Locator("#po-search").FillAsync(PurchaseOrder.Format(shop.PoB));
        await page.Locator("#po-search").PressAsync("Enter");
        await Expect(page.Locator("[data-testid=po-list]")).ToContainTextAsync("No open purchase order lines.");

        await page.Locator("[data-testid=po-status]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Cancelled" }).ClickAsync();
        var row = page.Locator("[data-testid=po-list] tbody tr.mud-table-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid=po-status-chip]")).ToHaveTextAsync("Cancelled");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Change quantity" })).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "purchasing-orders-cancelled");

        await row.GetByRole(AriaRole.Link, new() { Name = PurchaseOrder.Format(shop.PoB) }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(PurchaseOrder.Format(shop.PoB));
        await Expect(page.Locator("[data-testid=po-status-chip]")).ToHaveTextAsync("Cancelled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel the rest" })).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("sales@demo.local")]
    [InlineData("warehouse@demo.local")]
    public async Task Sales_and_warehouse_are_refused_the_purchase_order_pages(string user)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync(user);

        foreach (var path in new[] { "/purchasing/orders", "/purchasing/orders/1", "/purchasing/orders/new" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
            Assert.Equal("/Account/AccessDenied", new Uri(page.Url).AbsolutePath, StringComparer.OrdinalIgnoreCase);
        }
    }

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1400, 1280, 800 })
        {
            await page.SetViewportSizeAsync(width, 1000);
            await page.WaitForTimeoutAsync(300); // the layout settles (drawer, table)
            await BrowserSession.ScreenshotAsync(page, $"{name}-{width}");
        }

        await page.SetViewportSizeAsync(1400, 1000);
    }
}
