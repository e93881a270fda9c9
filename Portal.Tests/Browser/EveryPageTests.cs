using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// Every page the app routes to (found from the app's own route attributes, not a list kept here), opened as an Admin in
/// the light and the dark theme at desktop (1400×1000) and tablet (800 wide) size: it renders its heading and no error,
/// and its screenshot is saved under screenshots/pages/ to be looked at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EveryPageTests(PortalServer portal, BrowserSession browser)
{
    /// <summary>
    /// Every page the app routes to but the account pages, the error pages and the customer's page (static, behind a
    /// signed link: CustomerLinkTests), with the demo data's first record.
    /// </summary>
    internal static IEnumerable<string> RoutedPages() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Where(t => !t.StartsWith("/Account", StringComparison.Ordinal) && !t.StartsWith(Features.Notifications.Links.OrderLinks.PagePath, StringComparison.Ordinal)
                        && t is not ("/" or "/Error" or "/not-found"))
            .Select(t => Parameter().Replace(t, "1")) // the demo data's first order, customer and product
            .Order(StringComparer.Ordinal);

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Every_page_renders_at_desktop_and_tablet_width(string theme)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");
        await page.EvaluateAsync($"localStorage.setItem('portal.theme', '{theme}')");
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{page.Url}: {message.Text}"); };

        var problems = new List<string>();
        foreach (var path in RoutedPages())
        {
            foreach (var (width, height) in new[] { (1400, 1000), (800, 1000) })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync(path);
                await page.WaitForInteractiveAsync();
                await page.Locator("h1").First.WaitForAsync();
                await page.WaitForTimeoutAsync(400); // data loaded after the first render
                if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
                {
                    problems.Add($"{path} at {width} px shows the error bar");
                }

                if (await IsDarkAsync(page) != (theme == "dark"))
                {
                    problems.Add($"{path} at {width} px is not in the {theme} theme");
                }

                await BrowserSession.ScreenshotAsync(page, $"pages/{Slug(path)}-{theme}-{width}");
            }
        }

        Assert.True(problems.Count == 0 && errors.Count == 0, string.Join("\n", problems.Concat(errors)));
    }

    // MudBlazor paints the dark theme through its palette variables on the document.
    private static async Task<bool> IsDarkAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => { const c = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number); return c[0] + c[1] + c[2] < 200; }");

    private static string Slug(string path) => path.Trim('/').Replace('/', '-');

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
