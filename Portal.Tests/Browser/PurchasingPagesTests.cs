using System.Globalization;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>The purchasing pages in the real portal, driven in Chromium as purchasing@demo.local on the demo data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PurchasingPagesTests(PortalServer portal, BrowserSession browser)
{
    private const string Board = "[data-testid=shortage-board]";

    private async Task<IPage> SignedInAsync(string path, int height = 860)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SetViewportSizeAsync(1280, height); // the layout scrolls inside its body: a taller window shows more
        await page.SignInAsync("purchasing@demo.local");
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
        return page;
    }

    [Fact]
    public async Task Shortage_board_sorts_and_filters_on_the_server_and_drills_into_a_product()
    {
        await new PurchasingPortalData(portal).WaitForDemoAllocationAsync();
        var page = await SignedInAsync("/purchasing/shortages");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Shortage board");
        await Assertions.Expect(page.Locator($"{Board} a.sku").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "purchasing-shortages");

        // Two clicks on the header: ascending, then descending.
        var header = page.Locator($"{Board} th").Filter(new() { HasText = "Value at risk" });
        await header.ClickAsync();
        await EventuallyAsync(async () => IsSorted(await ValuesAsync(page), descending: false));
        await header.ClickAsync();
        await EventuallyAsync(async () => IsSorted(await ValuesAsync(page), descending: true));
        await BrowserSession.ScreenshotAsync(page, "purchasing-shortages-by-value");

        await page.GetByPlaceholder("SKU or product name").FillAsync("bp-100");
        await page.GetByPlaceholder("SKU or product name").PressAsync("Enter");
        await EventuallyAsync(async () => (await page.Locator($"{Board} a.sku").AllInnerTextsAsync()) is { Count: > 0 } skus
            && skus.All(s => s.StartsWith("BP-100", StringComparison.Ordinal)));

        await page.Locator(".toolbar").GetByText("Uncovered only").ClickAsync();
        await Assertions.Expect(page.Locator($"{Board} .covered")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"{Board} .uncovered").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "purchasing-shortages-filtered");

        var sku = await page.Locator($"{Board} a.sku").First.InnerTextAsync();
        await page.Locator($"{Board} a.sku").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(sku);
        await Assertions.Expect(page.Locator("[data-testid=waiting-lines] tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "purchasing-shortage-detail");
    }

    [Fact]
    public async Task Purchasing_home_shows_the_headline_figures_and_the_biggest_shortages()
    {
        await new PurchasingPortalData(portal).WaitForDemoAllocationAsync();
        var page = await SignedInAsync("/purchasing");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Purchasing");
        await Assertions.Expect(page.Locator("[data-testid=products-short]")).ToBeVisibleAsync();
        var rows = page.Locator("[data-testid=top-shortages] tbody tr.mud-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        await Assertions.Expect(rows.First).ToContainTextAsync("USD ");
        await BrowserSession.ScreenshotAsync(page, "purchasing-home");
    }

    [Fact]
    public async Task Suggested_orders_group_by_supplier_and_open_for_review()
    {
        await new PurchasingPortalData(portal).WaitForDemoAllocationAsync();
        var page = await SignedInAsync("/purchasing/suggestions");

        var firstGroup = page.Locator("[data-testid=supplier-suggestions] tbody tr.mud-table-row").First;
        await Assertions.Expect(firstGroup).ToBeVisibleAsync();
        await firstGroup.GetByRole(AriaRole.Button, new() { Name = "Review" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=suggested-lines] tbody > tr").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "purchasing-suggestions");
    }

    [Fact]
    public async Task New_purchase_order_from_a_shortage_starts_with_the_suggested_line()
    {
        await new PurchasingPortalData(portal).WaitForDemoAllocationAsync();
        var page = await SignedInAsync("/purchasing/shortages");
        await page.Locator($"{Board} tbody tr.mud-table-row").First.GetByRole(AriaRole.Link, new() { Name = "Raise a purchase order" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New purchase order");
        await Assertions.Expect(page.Locator("[data-testid=po-lines] tbody > tr")).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(page, "purchasing-new-po");
    }

    [Fact]
    public async Task Purchase_order_list_offers_quantity_and_date_edits_per_open_line()
    {
        var page = await SignedInAsync("/purchasing/orders");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Purchase orders");
        var row = page.Locator("[data-testid=po-list] tbody tr.mud-table-row").First;
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Change expected date" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "purchasing-orders");

        // The quantity opens in a dialog that refuses what it cannot save exactly, and saves nothing.
        await row.GetByRole(AriaRole.Button, new() { Name = "Change quantity" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#ordered-quantity").FillAsync("1.5");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save quantity" }).ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Ordered quantity must be a whole number; \"1.5\" is not.");
        await Assertions.Expect(dialog.Locator("[data-testid=dialog-error]")).ToContainTextAsync("nothing was saved");
        await BrowserSession.ScreenshotAsync(page, "purchasing-orders-quantity-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Backlog_trends_show_todays_live_figures_and_say_when_few_days_are_recorded()
    {
        var page = await SignedInAsync("/purchasing/trends", height: 1900);

        await Assertions.Expect(page.Locator("[data-testid=live-backlog]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=few-snapshots]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid$='-chart']:has(svg)")).ToHaveCountAsync(4);
        // Charts draw once they have measured themselves: wait for today's aging columns (one per bucket) and their labels.
        var agingToday = page.Locator("[data-testid=aging-today-chart]");
        await EventuallyAsync(async () => await agingToday.Locator("svg path.mud-chart-bar").CountAsync() >= 4);
        await Assertions.Expect(agingToday.Locator("svg")).ToContainTextAsync("Over 60 days");
        await BrowserSession.ScreenshotAsync(page, "purchasing-trends");
    }

    private static async Task<IReadOnlyList<decimal>> ValuesAsync(IPage page) =>
        (await page.Locator($"{Board} .value-at-risk").AllInnerTextsAsync())
        .Select(t => decimal.Parse(t.Replace("USD", "", StringComparison.Ordinal), NumberStyles.Currency, CultureInfo.InvariantCulture)).ToList();

    private static bool IsSorted(IReadOnlyList<decimal> values, bool descending) =>
        values.Count > 1 && values.Zip(values.Skip(1)).All(p => descending ? p.First >= p.Second : p.First <= p.Second);

    internal static async Task EventuallyAsync(Func<Task<bool>> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The page did not reach the expected state in time.");
            await Task.Delay(200);
        }
    }
}
