using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright; never a browser Playwright downloads itself. Without Chromium the
/// browser tests skip, or fail in strict mode (CI).
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium not found at {ChromiumPath} (apt-get install chromium, or set PORTAL_TEST_CHROMIUM).";
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(string baseUrl)
    {
        if (Unavailable is not null)
        {
            if (Environment.GetEnvironmentVariable("PORTAL_TEST_STRICT") == "1")
            {
                Assert.Fail($"Strict mode: {Unavailable}");
            }

            Assert.Skip(Unavailable);
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

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
