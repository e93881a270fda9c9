using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright; never a browser Playwright downloads itself. Without Chromium the
/// browser tests skip, or fail in strict mode (CI).
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    // Kept rather than thrown here: a fixture that throws fails every test of the collection with one vague error.
    private Exception? unavailable;

    public async ValueTask InitializeAsync()
    {
        string chromium;
        try
        {
            chromium = TestEnvironment.RequireChromium();
        }
        catch (Exception e)
        {
            unavailable = e;
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        if (unavailable is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(unavailable);
        }

        var context = await browser!.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1366, Height = 860 } });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <summary>The whole page, or only what is in the window (fullPage: false), where a fixed app bar stays at the top.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new() { Path = file, FullPage = fullPage });
    }
}
