using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Data.DemoData;
using Portal.Identity;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(PortalServer portal, BrowserSession browser)
{
    public static TheoryData<string, string, string> RoleCases => new()
    {
        // email, landing heading, another role's page it must not open
        { "sales@demo.local", "Sales", "/purchasing" },
        { "purchasing@demo.local", "Purchasing", "/sales" },
        { "warehouse@demo.local", "Warehouse", "/admin" },
    };

    private static readonly Dictionary<string, string[]> ExpectedNavigation = new()
    {
        ["sales@demo.local"] = ["Sales: Overview", "Sales: Orders", "Sales: New order", "Sales: Backorders", "Sales: Customers"],
        ["purchasing@demo.local"] = ["Purchasing: Overview", "Purchasing: Shortage board", "Purchasing: Backlog trends", "Purchasing: Purchase orders", "Purchasing: Suggested orders"],
        ["warehouse@demo.local"] = ["Warehouse: Overview", "Warehouse: Receiving", "Warehouse: Pick and ship", "Warehouse: Stock adjustments"],
    };

    [Theory]
    [MemberData(nameof(RoleCases))]
    public async Task Each_role_lands_in_its_area_sees_only_its_navigation_and_is_refused_other_areas(
        string email, string landingHeading, string foreignPage)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync(email);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(landingHeading);
        Assert.Equal(ExpectedNavigation[email], await page.NavigationLinksAsync());
        await BrowserSession.ScreenshotAsync(page, $"landing-{landingHeading.ToLowerInvariant()}");

        await page.GotoAsync(foreignPage);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
        Assert.Equal("/Account/AccessDenied", new Uri(page.Url).AbsolutePath, StringComparer.OrdinalIgnoreCase);
        await BrowserSession.ScreenshotAsync(page, $"denied-{landingHeading.ToLowerInvariant()}");
    }

    [Fact]
    public async Task Admin_sees_and_opens_every_area()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("admin@demo.local");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Admin");
        Assert.Equal(["Sales: Overview", "Sales: Orders", "Sales: New order", "Sales: Backorders", "Sales: Customers",
                "Purchasing: Overview", "Purchasing: Shortage board", "Purchasing: Backlog trends", "Purchasing: Purchase orders", "Purchasing: Suggested orders",
                "Warehouse: Overview", "Warehouse: Receiving", "Warehouse: Pick and ship", "Warehouse: Stock adjustments",
                "Admin: Overview", "Admin: Users", "Admin: Settings", "Admin: Allocation queue", "Admin: Jobs dashboard", "Admin: Audit log", "Admin: Email outbox"],
            await page.NavigationLinksAsync());
        await BrowserSession.ScreenshotAsync(page, "landing-admin");
        foreach (var (area, heading) in new[] { ("/sales", "Sales"), ("/purchasing", "Purchasing"), ("/warehouse", "Warehouse") })
        {
            await page.GotoAsync(area);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        }
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.GotoAsync("/sales");
        Assert.StartsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("sales@demo.local", "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Invalid email or password");
        Assert.StartsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.OrdinalIgnoreCase);
        await BrowserSession.ScreenshotAsync(page, "login-wrong-password");
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_and_the_user_is_told()
    {
        const string email = "lockme@demo.local";
        await CreateUserAsync(email, Roles.Sales);
        var page = await browser.NewPageAsync(portal.BaseUrl);

        for (var attempt = 0; attempt < IdentitySetup.MaxFailedSignIns; attempt++)
        {
            await page.SignInAsync(email, "wrong-" + attempt);
        }

        // Even the right password is refused now.
        await page.SignInAsync(email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Locked out");
        await BrowserSession.ScreenshotAsync(page, "login-locked-out");
    }

    // Another user in the portal's own database, so locking it out disturbs no other test.
    private async Task CreateUserAsync(string email, string role)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddPortalDbContext(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(portal.DataFolder, "portal.db")};Default Timeout=30");
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Lock Me" };
        Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
    }
}
