using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// Proves the Blazor client script (the .NET 10 SDK's own blazor.web.js) really drives an
/// interactive page: a click in the browser changes state on the server.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InteractivityTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task Blazor_script_is_served_as_javascript()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync($"{portal.BaseUrl}/_framework/blazor.web.js");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Blazor", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Saving_settings_with_a_click_changes_them_on_the_server()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");
        await page.GotoAsync("/admin/settings");
        await page.WaitForInteractiveAsync();

        // The quiet window, not a date rule: other browser tests share this portal and read its dates.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Dates & notices" }).ClickAsync();
        var quietWindow = page.Locator("#QuietWindowMinutes");
        var newValue = int.Parse(await quietWindow.InputValueAsync()) + 5;
        await quietWindow.FillAsync(newValue.ToString());
        await quietWindow.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Settings saved")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "admin-settings-saved");

        // A fresh page load reads the value back from the database.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#QuietWindowMinutes")).ToHaveValueAsync(newValue.ToString());
    }
}
