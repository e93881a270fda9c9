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

    private readonly System.Collections.Concurrent.ConcurrentBag<string> cspViolations = [];

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
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspViolations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    /// <summary>
    /// Every Content Security Policy violation any page of any browser test met, so the area flows prove the policy
    /// leaves them working: the run fails at the end when this is not empty (see <see cref="DisposeAsync"/>).
    /// </summary>
    public IReadOnlyCollection<string> CspViolations => cspViolations;

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (!cspViolations.IsEmpty)
        {
            throw new InvalidOperationException("The content security policy blocked something during the browser tests:\n" + string.Join("\n", cspViolations));
        }
    }

    /// <summary>The whole page, or only what is in the window (fullPage: false), where a fixed app bar stays at the top.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new() { Path = file, FullPage = fullPage });
    }
}
