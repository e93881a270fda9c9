using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>The jobs dashboard is Hangfire's page, outside Blazor's routing: it must refuse exactly as the pages do.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JobsDashboardAccessTests(PortalServer portal, BrowserSession browser)
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        var response = await page.GotoAsync("/admin/jobs");

        Assert.Equal("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Recurring jobs", await response!.TextAsync());
    }

    [Theory]
    [InlineData("sales@demo.local")]
    [InlineData("purchasing@demo.local")]
    [InlineData("warehouse@demo.local")]
    public async Task Other_roles_get_the_access_denied_page(string user)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync(user);

        foreach (var path in new[] { "/admin/jobs", "/admin/jobs/recurring", "/admin/jobs/stats" })
        {
            var response = await page.Context.APIRequest.GetAsync(path);
            Assert.Equal("/Account/AccessDenied", new Uri(response.Url).AbsolutePath, StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotContain("allocation-sweep", await response.TextAsync());
        }
    }

    [Fact]
    public async Task Admins_see_the_recurring_jobs()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs dashboard" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/jobs**");

        await page.GotoAsync("/admin/jobs/recurring");
        foreach (var job in new[] { "allocation-sweep", "send-notices", "nightly-projection" })
        {
            Assert.True(await page.GetByText(job, new() { Exact = true }).First.IsVisibleAsync(), $"{job} is not listed");
        }

        await BrowserSession.ScreenshotAsync(page, "admin-jobs-dashboard");
    }
}
