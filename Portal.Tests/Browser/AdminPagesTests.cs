using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

// The Admin pages no other browser test opens: each loads its list from the server.
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(PortalServer portal, BrowserSession browser)
{
    [Theory]
    [InlineData("/admin/users", "Users and roles", "users-grid", "admin-users")]
    [InlineData("/admin/audit", "Audit log", "audit-grid", "admin-audit")]
    [InlineData("/admin", "Admin", "admin-users", "admin-home")]
    [InlineData("/admin/settings", "Settings", "settings-form", "admin-settings")]
    [InlineData("/admin/allocation", "Allocation queue", "recent-runs", "admin-allocation")]
    public async Task Admin_page_opens_with_its_list(string path, string heading, string grid, string screenshot)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");

        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Expect(grid == "settings-form" ? page.GetByTestId(grid) : page.GetByTestId(grid).Locator("tbody tr").First).ToBeVisibleAsync();
        await WidthScreenshots.AtDesktopAndTabletAsync(page, screenshot);
    }
}
