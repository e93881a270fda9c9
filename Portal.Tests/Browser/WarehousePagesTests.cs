using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

// The Warehouse pages in the real portal, on the demo data.
[Collection(BrowserCollection.Name)]
public sealed class WarehousePagesTests(PortalServer portal, BrowserSession browser)
{
    private const string ReceivingRows = "[data-testid=receiving-grid] tbody tr.mud-table-row";

    [Fact]
    public async Task Receiving_searches_on_Enter_with_what_is_in_the_box_at_that_moment()
    {
        var page = await OpenAsync("/warehouse/receiving", "Receiving");
        var rows = page.Locator(ReceivingRows);
        await Expect(rows.First).ToBeVisibleAsync();
        var purchaseOrders = (await rows.Locator(".po-number").AllInnerTextsAsync()).Select(t => t.Trim()).Distinct().ToList();
        Assert.True(purchaseOrders.Count >= 2, "The demo data has open lines on at least two purchase orders.");
        var search = page.Locator("#receiving-search");

        // Type and press Enter at once, with no blur between: the box's current text is what is searched, each time.
        foreach (var po in new[] { purchaseOrders[1], purchaseOrders[0] })
        {
            await search.FillAsync(po);
            await search.PressAsync("Enter");
            await Expect(rows.First.Locator(".po-number")).ToHaveTextAsync(po);
            Assert.All(await rows.Locator(".po-number").AllInnerTextsAsync(), t => Assert.Equal(po, t.Trim()));
        }

        await WidthScreenshots.AtDesktopAndTabletAsync(page, "warehouse-receiving");
    }

    [Fact]
    public async Task Receiving_refuses_a_quantity_it_cannot_take_and_receives_nothing()
    {
        var page = await OpenAsync("/warehouse/receiving", "Receiving");
        var first = page.Locator(ReceivingRows).First;
        var openBefore = await first.Locator("td").Nth(4).InnerTextAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Receive" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);

        await dialog.Locator("#receive-quantity").FillAsync("1.5");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Receive" }).ClickAsync();

        await Expect(dialog.GetByText("Received quantity must be a whole number; \"1.5\" is not.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "warehouse-receive-refused");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(first.Locator("td").Nth(4)).ToHaveTextAsync(openBefore);
    }

    [Fact]
    public async Task Pick_list_and_stock_adjustments_open()
    {
        var page = await OpenAsync("/warehouse/picking", "Pick and ship");
        await Expect(page.Locator("[data-testid=pick-grid] tbody tr.mud-table-row").First.Or(page.GetByText("Nothing to pick.")).First).ToBeVisibleAsync();
        await WidthScreenshots.AtDesktopAndTabletAsync(page, "warehouse-picking");

        await page.GotoAsync("/warehouse/adjustments");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Stock adjustments");
        var first = page.Locator("[data-testid=stock-grid] tbody tr.mud-table-row").First;
        await Expect(first).ToBeVisibleAsync();
        await WidthScreenshots.AtDesktopAndTabletAsync(page, "warehouse-adjustments");
        await first.GetByRole(AriaRole.Button, new() { Name = "Adjust" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#adjust-delta").FillAsync("0");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save adjustment" }).ClickAsync();
        await Expect(dialog.GetByText("Adjust by must change the count; 0 does not.")).ToBeVisibleAsync();
        await Expect(dialog.GetByText("Reason is required.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "warehouse-adjust-refused");
    }

    [Fact]
    public async Task Warehouse_overview_shows_its_figures_and_next_arrivals()
    {
        var page = await OpenAsync("/warehouse", "Warehouse");
        await Expect(page.GetByTestId("lines-to-pick")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("next-arrivals").Locator("tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await WidthScreenshots.AtDesktopAndTabletAsync(page, "warehouse-home");
    }

    private async Task<IPage> OpenAsync(string path, string heading)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("warehouse@demo.local");
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        return page;
    }
}
