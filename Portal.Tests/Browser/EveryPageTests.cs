using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// Every page the app routes to (found from the app's own route attributes, not a list kept here), opened as an Admin in
/// the light and the dark theme at desktop (1400×1000) and tablet (800 wide) size, and in the light theme at 1280 too (a
/// laptop, where the open menu leaves a list the least room): it renders its heading and no error, nothing on it scrolls
/// sideways, and its screenshot is saved under screenshots/pages/ to be looked at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(PortalServer portal, BrowserSession browser)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Every_page_renders_and_fits_its_width_at_desktop_laptop_and_tablet_size(string theme)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");
        await page.EvaluateAsync($"localStorage.setItem('portal.theme', '{theme}')");
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{page.Url}: {message.Text}"); };

        var problems = new List<string>();
        foreach (var path in AppRoutes.Templates().Select(AppRoutes.WithFirstIds))
        {
            foreach (var width in theme == "light" ? new[] { 1400, 1280, 800 } : [1400, 800])
            {
                await page.SetViewportSizeAsync(width, 1000);
                await page.GotoAsync(path);
                await page.WaitForInteractiveAsync();
                await page.Locator("h1").First.WaitForAsync();
                await page.WaitForTimeoutAsync(400); // data loaded after the first render
                await Assertions.Expect(page.Locator(".mud-progress-linear, .mud-progress-circular, .mud-table-loading")).ToHaveCountAsync(0);
                if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
                {
                    problems.Add($"{path} at {width} px shows the error bar");
                }

                if (await SidewaysScroll.FindAsync(page) is { Count: > 0 } wide)
                {
                    problems.Add($"{path} at {width} px scrolls sideways: {string.Join(", ", wide)}");
                }

                if (await IsDarkAsync(page) != (theme == "dark"))
                {
                    problems.Add($"{path} at {width} px is not in the {theme} theme");
                }

                await BrowserSession.ScreenshotAsync(page, $"pages/{AppRoutes.Slug(path)}-{theme}-{width}");
            }
        }

        Assert.True(problems.Count == 0 && errors.Count == 0, string.Join("\n", problems.Concat(errors)));
    }

    // MudBlazor paints the dark theme through its palette variables on the document.
    private static async Task<bool> IsDarkAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => { const c = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return c[0] + c[1] + c[2] < 200; }");
}
