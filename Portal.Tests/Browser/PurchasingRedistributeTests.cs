using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>Redistribute in the real portal: the preview names gainers and losers, Confirm moves the stock.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PurchasingRedistributeTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task Purchasing_previews_a_redistribution_sees_gainers_and_losers_and_confirms_it()
    {
        var data = new PurchasingPortalData(portal);
        await data.WaitForDemoAllocationAsync();
        var (productId, lineId, quantity) = await data.ExpediteOrderForFullyReservedProductAsync("Line Down Industries");

        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("purchasing@demo.local");
        await page.GotoAsync($"/purchasing/redistribute/{productId}");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Redistribute");
        var gainers = page.Locator("[data-testid=gainers] [data-testid=move-line]");
        await Assertions.Expect(gainers).ToHaveCountAsync(1);
        await Assertions.Expect(gainers.First).ToContainTextAsync("Line Down Industries");
        await Assertions.Expect(gainers.First).ToContainTextAsync($"+{quantity}");
        await Assertions.Expect(gainers.First).ToContainTextAsync("marked expedite");
        await Assertions.Expect(page.Locator("[data-testid=losers] [data-testid=move-line]").First).ToContainTextAsync("Loses");
        await BrowserSession.ScreenshotAsync(page, "purchasing-redistribute-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm redistribution" }).ClickAsync();

        await Assertions.Expect(page.GetByText("redistributed").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nothing-to-move]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "purchasing-redistribute-confirmed");
        await using var db = data.Open();
        Assert.Equal(quantity, (await db.SalesOrderLines.AsNoTracking().SingleAsync(l => l.Id == lineId)).Allocated);
    }

    [Theory]
    [InlineData("/purchasing/shortages")]
    [InlineData("/purchasing/shortages/1")]
    [InlineData("/purchasing/redistribute/1")]
    [InlineData("/purchasing/suggestions")]
    [InlineData("/purchasing/trends")]
    [InlineData("/purchasing/orders/new")]
    public async Task Sales_is_refused_the_purchasing_pages(string path)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("sales@demo.local");

        await page.GotoAsync(path);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
        Assert.Equal("/Account/AccessDenied", new Uri(page.Url).AbsolutePath, StringComparer.OrdinalIgnoreCase);
    }
}
