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

    public static async Task<IReadOnlyList<string>> NavigationLinksAsync(this IPage page)
    {
        var items = page.Locator(".portal-nav .rz-navigation-item-text");
        await items.First.WaitForAsync();
        return (await items.AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
    }
}
