using Microsoft.Playwright;
using Portal.Tests.Browser;

namespace Portal.Tests.Notifications;

// The Admin outbox page in the real portal: Admins open it, other roles are refused.
[Collection(BrowserCollection.Name)]
public sealed class OutboxPageTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task Admin_opens_the_email_outbox_grid()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");

        await page.GotoAsync("/admin/outbox");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Email outbox");
        await Assertions.Expect(page.GetByTestId("outbox-grid").GetByRole(AriaRole.Columnheader, new() { Name = "Last error or reason" })).ToBeVisibleAsync();
        // Loaded from the server: rows, or the empty message when no allocation run has queued an email yet.
        await Assertions.Expect(page.GetByTestId("outbox-grid").Locator("tbody tr.mud-table-row").Or(page.GetByText("No emails.")).First).ToBeVisibleAsync();
        await WidthScreenshots.AtDesktopAndTabletAsync(page, "admin-outbox");

        // An email opens in a dialog with what it said and how its delivery went.
        var rows = page.GetByTestId("outbox-grid").Locator("tbody tr.mud-table-row");
        if (await rows.CountAsync() > 0)
        {
            await page.WaitForInteractiveAsync();
            await rows.First.GetByTestId("view").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog.GetByTestId("notice-detail")).ToBeVisibleAsync();
            await Assertions.Expect(dialog.GetByRole(AriaRole.Tab, new() { Name = "Plain text" })).ToBeVisibleAsync();
            await BrowserSession.ScreenshotAsync(page, "admin-outbox-email");
        }
    }

    [Fact]
    public async Task Sales_is_refused_the_email_outbox()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("sales@demo.local");

        await page.GotoAsync("/admin/outbox");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
    }
}
