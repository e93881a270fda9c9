using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>Admin → Settings in the browser: the three tabs at desktop and tablet width, a holiday added and removed on the year at a glance.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsPageTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task Each_tab_shows_its_settings_at_desktop_and_tablet_width()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");
        await page.GotoAsync("/admin/settings");
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByTestId("year-calendar")).ToBeVisibleAsync();
        await Expect(page.Locator("input[data-day=Mon]")).ToBeCheckedAsync();
        await Expect(page.Locator("input[data-day=Sat]")).Not.ToBeCheckedAsync();
        await AtBothWidthsAsync(page, "admin-settings-calendar");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Dates & notices" }).ClickAsync();
        await Expect(page.Locator("#LeadTimeMoveThresholdDays")).ToBeVisibleAsync();
        await AtBothWidthsAsync(page, "admin-settings-dates");

        // Switched on to show the server's fields; not saved, so the other tests' emails still go to the pickup folder.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Email" }).ClickAsync();
        await Expect(page.GetByTestId("configured-delivery")).ToContainTextAsync(".eml files");
        await page.GetByText("Send through this SMTP server").ClickAsync();
        await Expect(page.Locator("#SmtpHost")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("smtp-password-status")).ToHaveTextAsync("not set");
        await Expect(page.Locator("#SmtpPassword")).ToHaveAttributeAsync("autocomplete", "new-password");
        await AtBothWidthsAsync(page, "admin-settings-email");
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync());
    }

    [Fact]
    public async Task A_holiday_added_on_the_page_shows_on_the_year_and_goes_again_when_removed()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");
        await page.GotoAsync("/admin/settings");
        await page.WaitForInteractiveAsync();

        // A weekday a month back: it moves no date the other browser tests read.
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator($"[data-date='{iso}']").ClickAsync();
        await Expect(page.Locator("#holiday-date")).ToHaveValueAsync(iso);
        await page.Locator("#holiday-name").FillAsync("Stocktake");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add holiday" }).ClickAsync();

        var cell = page.Locator($"[data-date='{iso}']");
        await Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bholiday\b"));
        await Expect(cell).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("Stocktake$"));
        await Expect(page.GetByTestId("holiday-list")).ToContainTextAsync("Stocktake");
        await AtBothWidthsAsync(page, "admin-settings-holiday");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove Stocktake") }).ClickAsync();
        await Expect(page.GetByTestId("holiday-list")).Not.ToContainTextAsync("Stocktake");
        await Expect(cell).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bholiday\b"));
    }

    [Fact]
    public async Task A_sales_user_is_refused_the_settings()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("sales@demo.local");

        await page.GotoAsync("/admin/settings");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
        await Expect(page.GetByTestId("settings-form")).Not.ToBeVisibleAsync();
    }

    // The screenshots the issue asks for: 1400 and 800 px wide.
    private static async Task AtBothWidthsAsync(IPage page, string name)
    {
        foreach (var width in new[] { 1400, 800 })
        {
            await page.SetViewportSizeAsync(width, 1000);
            await page.WaitForTimeoutAsync(300); // the layout settles (drawer, month grid)
            await BrowserSession.ScreenshotAsync(page, $"{name}-{width}");
        }
    }
}
