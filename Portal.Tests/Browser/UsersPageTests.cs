using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>Admin → Users in the browser: only Admins open it; an invited user chooses their own password at first sign-in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersPageTests(PortalServer portal, BrowserSession browser)
{
    [Theory]
    [InlineData("sales@demo.local")]
    [InlineData("purchasing@demo.local")]
    [InlineData("warehouse@demo.local")]
    public async Task Only_an_admin_opens_the_users_page(string email)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync(email);

        await page.GotoAsync("/admin/users");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
        Assert.Equal("/Account/AccessDenied", new Uri(page.Url).AbsolutePath, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(0, await page.GetByTestId("users-grid").CountAsync());
    }

    [Fact]
    public async Task An_invited_user_signs_in_with_the_temporary_password_once_and_chooses_their_own()
    {
        const string email = "invited.rep@demo.local";
        var admin = await browser.NewPageAsync(portal.BaseUrl);
        await admin.SignInAsync("admin@demo.local");
        await admin.GotoAsync("/admin/users");
        await admin.WaitForInteractiveAsync();

        var temporary = await UsersPage.AddUserAsync(admin, email, "Ivy Invited", "Sales", "Purchasing");
        await Expect(admin.GetByTestId("temporary-password")).ToContainTextAsync($"Temporary password for {email}: {temporary}");
        var row = UsersPage.Row(admin, email);
        await Expect(row).ToContainTextAsync("Temporary password");
        await Expect(row).ToContainTextAsync("none recorded");
        await WidthScreenshots.AtDesktopAndTabletAsync(admin, "admin-users-invited");

        // The same email again is refused, saying why.
        await UsersPage.AddUserAsync(admin, email, "Ivy Again", "Sales");
        await Expect(UsersPage.Snackbar(admin, $"Email '{email}' is already taken.")).ToBeVisibleAsync();

        var user = await browser.NewPageAsync(portal.BaseUrl);
        await user.SignInAsync(email, temporary);
        await Expect(user.Locator("h1")).ToHaveTextAsync("Choose your password");
        await ChooseAsync(user, "short");
        await Expect(user.GetByRole(AriaRole.Alert)).ToContainTextAsync("Passwords must be at least 6 characters.");
        await BrowserSession.ScreenshotAsync(user, "login-choose-password-refused");
        await ChooseAsync(user, temporary);
        await Expect(user.GetByRole(AriaRole.Alert)).ToContainTextAsync("choose one other than the temporary password");

        await ChooseAsync(user, "Chosen!Pass7");
        await Expect(user.Locator("h1")).ToHaveTextAsync("Sales");

        // The temporary password is spent; the chosen one signs in straight away.
        var again = await browser.NewPageAsync(portal.BaseUrl);
        await again.SignInAsync(email, temporary);
        await Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid email or password");
        await again.SignInAsync(email, "Chosen!Pass7");
        await Expect(again.Locator("h1")).ToHaveTextAsync("Sales");

        await admin.ReloadAsync();
        await admin.WaitForInteractiveAsync();
        await Expect(UsersPage.Row(admin, email)).ToContainTextAsync(new Regex(@"Active\s*\w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2} UTC"));
        await Expect(UsersPage.Row(admin, email)).Not.ToContainTextAsync("Temporary password");
    }

    [Fact]
    public async Task An_admin_changes_a_users_roles_and_resets_their_password_from_the_row()
    {
        const string email = "moved.rep@demo.local";
        var admin = await browser.NewPageAsync(portal.BaseUrl);
        await admin.SignInAsync("admin@demo.local");
        await admin.GotoAsync("/admin/users");
        await admin.WaitForInteractiveAsync();
        await UsersPage.AddUserAsync(admin, email, "Mo Moved", "Sales");
        await Expect(UsersPage.Row(admin, email)).ToContainTextAsync("Sales");

        await UsersPage.ActAsync(admin, email, "Change roles");
        var dialog = admin.Locator(".mud-dialog");
        await dialog.Locator(".mud-select").First.ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Sales" }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Warehouse" }).ClickAsync();
        await admin.GetByRole(AriaRole.Option, new() { Name = "Purchasing" }).ClickAsync();
        await dialog.GetByText("Each role opens its area").ClickAsync(); // closes the list; Escape would close the dialog
        await BrowserSession.ScreenshotAsync(admin, "admin-users-roles-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Expect(UsersPage.Snackbar(admin, $"Roles of {email} saved")).ToBeVisibleAsync();
        await Expect(UsersPage.Row(admin, email)).ToContainTextAsync("PurchasingWarehouse");

        await UsersPage.ActAsync(admin, email, "Reset password");
        var password = await admin.InputValueAsync("#reset-password");
        await admin.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Reset password" }).ClickAsync();
        await Expect(admin.GetByTestId("temporary-password")).ToContainTextAsync($"Temporary password for {email}: {password}");

        var user = await browser.NewPageAsync(portal.BaseUrl);
        await user.SignInAsync(email, password);
        await Expect(user.Locator("h1")).ToHaveTextAsync("Choose your password");
        await ChooseAsync(user, "Moved!Pass8");
        await Expect(user.Locator("h1")).ToHaveTextAsync("Purchasing");
    }

    private static async Task ChooseAsync(IPage page, string password)
    {
        await page.FillAsync("#NewPassword\\.Password", password);
        await page.FillAsync("#NewPassword\\.Confirm", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}

/// <summary>Steps on Admin → Users that several tests take.</summary>
internal static class UsersPage
{
    public static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar").Filter(new() { HasText = text });

    public static ILocator Row(IPage page, string email) =>
        page.GetByTestId("users-grid").Locator("tbody tr").Filter(new() { HasText = email });

    /// <summary>Fills and sends the new-user form; returns the temporary password it proposed.</summary>
    public static async Task<string> AddUserAsync(IPage page, string email, string name, params string[] roles)
    {
        var form = page.GetByTestId("new-user");
        await page.FillAsync("#new-user-email", email);
        await page.FillAsync("#new-user-name", name);
        var password = await page.InputValueAsync("#new-user-password");
        await form.Locator(".mud-select").First.ClickAsync();
        foreach (var role in roles)
        {
            await page.GetByRole(AriaRole.Option, new() { Name = role }).ClickAsync();
        }

        await page.Keyboard.PressAsync("Escape");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        return password;
    }

    /// <summary>Picks an action from a user's menu (and confirms it when a dialog asks).</summary>
    public static async Task ActAsync(IPage page, string email, string action, string? confirm = null)
    {
        await Row(page, email).Locator(".mud-menu button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = action }).ClickAsync();
        if (confirm is not null)
        {
            await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = confirm }).ClickAsync();
        }
    }
}
