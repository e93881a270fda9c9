using Microsoft.Playwright;

namespace Portal.Tests.Browser;

internal static class WidthScreenshots
{
    /// <summary>Screenshots at the session's width, at 1280 px (nothing may be cut short) and at 800 px (a tablet: still usable).</summary>
    public static async Task AtDesktopAndTabletAsync(IPage page, string name)
    {
        await BrowserSession.ScreenshotAsync(page, name);
        var size = page.ViewportSize;
        foreach (var width in new[] { 1280, 800 })
        {
            await page.SetViewportSizeAsync(width, 860);
            await page.WaitForTimeoutAsync(300); // the layout settles (drawer, grid columns)
            await BrowserSession.ScreenshotAsync(page, $"{name}-{width}");
        }

        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }
}
