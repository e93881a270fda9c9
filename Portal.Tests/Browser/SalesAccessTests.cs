using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The Sales area is for Sales and Admin: a Warehouse user gets the access-denied page, never the data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SalesAccessTests(PortalServer portal, BrowserSession browser)
{
    public static TheoryData<string> SalesPages =>
        ["/sales", "/sales/orders", "/sales/orders/new", "/sales/orders/1", "/sales/backorders", "/sales/customers", "/sales/customers/1"];

    [Fact]
    public async Task Warehouse_user_is_refused_every_sales_page_and_the_export()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("warehouse@demo.local");

        foreach (var path in SalesPages)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
            Assert.Equal("/Account/AccessDenied", new Uri(page.Url).AbsolutePath, StringComparer.OrdinalIgnoreCase);
        }

        // The CSV endpoint is not a page: ask it with the same cookie and get no data.
        var export = await page.Context.APIRequest.GetAsync("/sales/backorders/export.csv");
        Assert.DoesNotContain("Customer number,", await export.TextAsync());
        Assert.True(export.Status == 403 || export.Url.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase),
            $"expected a refusal, got {export.Status} at {export.Url}");
        await BrowserSession.ScreenshotAsync(page, "sales-denied-warehouse");
    }

    [Fact]
    public async Task Sales_and_admin_users_open_the_export()
    {
        foreach (var user in new[] { "sales@demo.local", "admin@demo.local" })
        {
            var page = await browser.NewPageAsync(portal.BaseUrl);
            await page.SignInAsync(user);
            var export = await page.Context.APIRequest.GetAsync("/sales/backorders/export.csv");
            Assert.Equal(200, export.Status);
            Assert.StartsWith("text/csv", export.Headers["content-type"]);
            Assert.StartsWith("Customer number,Customer,Order,", (await export.TextAsync()).TrimStart('\uFEFF'));
        }
    }
}
