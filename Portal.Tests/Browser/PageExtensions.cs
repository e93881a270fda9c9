using Microsoft.Playwright;
using Portal.Data.DemoData;

namespace Portal.Tests.Browser;

internal static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string email, string password = DemoUsers.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Waits until the Blazor circuit is up, so input and clicks reach the server (see MainLayout).</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>The navigation as "Area: link" per link, in menu order.</summary>
    public static async Task<IReadOnlyList<string>> NavigationLinksAsync(this IPage page)
    {
        var groups = page.Locator(".portal-nav .mud-nav-group");
        await groups.First.WaitForAsync();
        var links = new List<string>();
        foreach (var group in await groups.AllAsync())
        {
            var area = (await group.Locator(".mud-nav-link-text").First.InnerTextAsync()).Trim();
            links.AddRange((await group.Locator(".mud-collapse-container .mud-nav-link-text").AllInnerTextsAsync()).Select(l => $"{area}: {l.Trim()}"));
        }

        return links;
    }
}
