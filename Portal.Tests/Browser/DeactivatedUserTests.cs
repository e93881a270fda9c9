using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Deactivating a user ends the pages they have open, with no reload by anyone: the portal checks each open page's
/// user every Identity:RevalidationInterval (one second here, a minute by default). On a portal of its own, so the
/// demo users the other tests sign in as stay active.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeactivatedUserTests(BrowserSession browser)
{
    [Fact]
    public async Task A_deactivated_users_open_page_loses_access_and_the_last_admin_stays()
    {
        await using var portal = PortalServer.With(new Dictionary<string, string> { ["Identity__RevalidationInterval"] = "00:00:01" });
        await portal.StartAsync();
        var user = await browser.NewPageAsync(portal.BaseUrl);
        await user.SignInAsync("sales@demo.local");
        await user.GotoAsync("/sales/orders");
        await user.WaitForInteractiveAsync();
        await Expect(user.Locator("h1")).ToHaveTextAsync("Orders");

        var admin = await browser.NewPageAsync(portal.BaseUrl);
        await admin.SignInAsync("admin@demo.local");
        await admin.GotoAsync("/admin/users");
        await admin.WaitForInteractiveAsync();
        await UsersPage.ActAsync(admin, "sales@demo.local", "Deactivate", confirm: "Deactivate");
        await Expect(UsersPage.Snackbar(admin, "sales@demo.local deactivated")).ToBeVisibleAsync();
        await Expect(UsersPage.Row(admin, "sales@demo.local")).ToContainTextAsync("Deactivated");

        // The rep's tab, untouched by the test, is sent to sign-in by its own circuit; signing in again is refused.
        await Expect(user).ToHaveURLAsync(new Regex("/Account/Login"), new() { Timeout = 30_000 });
        await user.GotoAsync("/sales/orders");
        Assert.StartsWith("/Account/Login", new Uri(user.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);
        await user.SignInAsync("sales@demo.local");
        await Expect(user.GetByRole(AriaRole.Alert)).ToContainTextAsync("This account is deactivated.");
        await BrowserSession.ScreenshotAsync(user, "login-deactivated");

        // The Admin's own page kept its access all along; the only Admin cannot deactivate themselves.
        await UsersPage.ActAsync(admin, "admin@demo.local", "Deactivate", confirm: "Deactivate");
        await Expect(UsersPage.Snackbar(admin, "admin@demo.local is the last active Admin")).ToBeVisibleAsync();
        await Expect(UsersPage.Row(admin, "admin@demo.local")).ToContainTextAsync("Active");
        await BrowserSession.ScreenshotAsync(admin, "admin-users-last-admin");

        // Reactivated, the rep signs in again.
        await UsersPage.ActAsync(admin, "sales@demo.local", "Reactivate");
        await Expect(UsersPage.Snackbar(admin, "sales@demo.local can sign in again")).ToBeVisibleAsync();
        await user.SignInAsync("sales@demo.local");
        await Expect(user.Locator("h1")).ToHaveTextAsync("Sales");
    }
}
