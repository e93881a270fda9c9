namespace Portal.Tests.Browser;

/// <summary>A sign-in link carrying a target outside the portal signs the user in and keeps them in the portal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInRedirectTests(PortalServer portal, BrowserSession browser)
{
    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    public async Task A_foreign_return_url_lands_on_the_users_home_page(string returnUrl)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#Input\\.Email", "purchasing@demo.local");
        await page.FillAsync("#Input\\.Password", Portal.Data.DemoData.DemoUsers.Password);
        var response = await page.RunAndWaitForNavigationAsync(() => page.ClickAsync("button[type=submit]"));

        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Purchasing");
        Assert.StartsWith(portal.BaseUrl, page.Url);
        Assert.True(response is null || response.Status < 500, $"sign-in answered {response?.Status}");
    }

    [Fact]
    public async Task A_return_url_inside_the_portal_is_followed()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString("/purchasing/orders"));
        await page.FillAsync("#Input\\.Email", "purchasing@demo.local");
        await page.FillAsync("#Input\\.Password", Portal.Data.DemoData.DemoUsers.Password);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync($"{portal.BaseUrl}/purchasing/orders");
    }
}
