using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>
/// The content security policy leaves every page working: each routed page, the sign-in page and the jobs dashboard
/// open and react to a click with no violation reported by Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task No_page_meets_a_content_security_policy_violation()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        // Recorded by the page itself, so a violation is caught even when Chromium words its console message differently.
        await page.Context.AddInitScriptAsync(
            "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        var violations = new List<string>();

        await page.GotoAsync("/Account/Login");
        violations.AddRange(await ViolationsAsync(page, "/Account/Login"));
        await page.SignInAsync("admin@demo.local");

        foreach (var path in AppRoutes.Templates().Select(AppRoutes.WithFirstIds))
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            await page.Locator("h1").First.WaitForAsync();
            // A click runs MudBlazor's scripts and a round trip over the circuit: sorting a grid where there is one.
            var header = page.Locator(".mud-table-head .column-header").First;
            if (await header.CountAsync() > 0)
            {
                await header.ClickAsync();
                await page.WaitForTimeoutAsync(200);
            }

            violations.AddRange(await ViolationsAsync(page, path));
        }

        foreach (var path in new[] { "/admin/jobs", "/admin/jobs/recurring", "/admin/jobs/jobs/succeeded" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            violations.AddRange(await ViolationsAsync(page, path));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(browser.CspViolations);
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path) =>
        (await page.EvaluateAsync<string[]>("() => window.__cspViolations || []")).Select(v => $"{path}: {v}");
}
