using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Identity;
using Portal.Tests.Allocation.Jobs;
using Portal.Tests.Infrastructure;
using Portal.Tests.Infrastructure.Builders;
using Portal.Tests.Notifications;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Two portal processes on one PostgreSQL database with no load balancer between them: a person signed in on one
/// is signed in on the other (the sign-in cookie's keys live in the database), and a receipt made on one is allocated
/// once and told to the customer in one email, whichever instance runs the job and sends the mail.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoInstancesTests(BrowserSession browser)
{
    private const string Email = "dock@two.test";
    private const string Password = "Dock!2345";
    private const string CustomerEmail = "waiting@customer.example";

    // Two portals and a browser on a shared machine: a page may take longer than the default 5 s to answer.
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_user_signed_in_on_one_instance_works_on_the_other_and_a_receipt_is_allocated_and_emailed_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var shop = await ShopAsync(database);
        await AddWarehouseUserAsync(database);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Portal"] = database.ConnectionString,
            ["Database__SeedDemoData"] = "false",
            ["Email__Mode"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(),
            ["Email__From"] = "backorders@portal.test",
            ["Scheduler__NoticeInterval"] = "00:00:01",
            ["Scheduler__SweepInterval"] = "01:00:00", // out of the way: only the receipt's run should run
        };
        await using var first = PortalServer.With(environment);
        await using var second = PortalServer.With(environment);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        var page = await browser.NewPageAsync(first.BaseUrl);
        await page.SignInAsync(Email, Password);

        // The same browser (the same cookie) goes to the other instance by its own address: no sign-in is asked, and
        // the live page works there (the search runs through that instance's circuit as this user).
        await page.GotoAsync($"{second.BaseUrl}/warehouse/receiving");
        await page.WaitForInteractiveAsync();
        Assert.Equal($"{second.BaseUrl}/warehouse/receiving", page.Url);
        await Expect(page.Locator(".user-name")).ToHaveTextAsync(Email);
        var rows = page.Locator("[data-testid=receiving-grid] tbody tr.mud-table-row");
        await Expect(rows).ToContainTextAsync(shop.Sku, Slow);
        await page.Locator("#receiving-search").FillAsync("no such line");
        await page.Locator("#receiving-search").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(0, new() { Timeout = Slow.Timeout });
        await page.Locator("#receiving-search").FillAsync(shop.Sku);
        await page.Locator("#receiving-search").PressAsync("Enter");
        await Expect(rows).ToContainTextAsync(shop.Sku, Slow);

        // Without that cookie the other instance asks for a sign-in, so it was the cookie that let the user in.
        var stranger = await browser.NewPageAsync(second.BaseUrl);
        await stranger.GotoAsync("/warehouse/receiving");
        await Expect(stranger).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        // The receipt is made on the first instance.
        await page.GotoAsync($"{first.BaseUrl}/warehouse/receiving");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=receiving-grid] tbody tr.mud-table-row").GetByRole(AriaRole.Button, new() { Name = "Receive" }).ClickAsync();
        await page.Locator("#receive-quantity").FillAsync("5");
        await page.Locator("[data-testid=receive-confirm]").ClickAsync();
        await Expect(page.GetByText($"Received 5 × {shop.Sku}")).ToBeVisibleAsync(new() { Timeout = Slow.Timeout });

        await JobTestData.WaitUntilAllocatedAsync(database.CreateContext, shop.ProductId, expectedAllocated: 5, TimeSpan.FromSeconds(60));
        using (var sending = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await smtp.WaitForAsync(1, sending.Token);
        }

        await Task.Delay(TimeSpan.FromSeconds(4)); // room for a second run or a second email to show itself
        await using var db = database.CreateContext();
        Assert.Single(await db.AllocationRuns.Where(r => r.ProductId == shop.ProductId).ToListAsync());
        var email = Assert.Single(smtp.Messages());
        Assert.Contains(CustomerEmail, email.To);
    }

    /// <summary>
    /// One product with nothing on hand, one order of 10 waiting for it whose customer has not been told yet, and a
    /// PO line of 10: receiving 5 allocates 5 and leaves 5 backordered, which the run tells the customer about.
    /// </summary>
    private static async Task<(int ProductId, string Sku)> ShopAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var data = new TestData(db);
        var warehouse = data.AddWarehouse();
        var supplier = data.AddSupplier();
        var product = data.AddProduct(supplier: supplier);
        data.AddStock(product, warehouse);
        data.AddSalesOrder(data.AddCustomer(email: CustomerEmail), warehouse, lines: [(product, 10)]);
        data.AddPurchaseOrder(supplier, warehouse, [(product, 10, TestData.Today.AddDays(10))]);
        // No quiet window, so the customer's email is due as soon as the run has decided it.
        (await db.Settings.SingleAsync()).ChangeDates(pickDays: 1, receivingDays: 1, etaMoveThresholdDays: 1, leadTimeMoveThresholdDays: 5, quietWindowMinutes: 0);
        await db.SaveChangesAsync();
        return (product.Id, product.Sku);
    }

    private static async Task AddWarehouseUserAsync(TestDatabase database)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddPortalDbContext(database.Provider, database.ConnectionString)
            .AddIdentityCore<ApplicationUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Dock" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Warehouse)).Succeeded);
    }
}
