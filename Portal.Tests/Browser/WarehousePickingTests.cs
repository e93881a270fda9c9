using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The pick list, a partial shipment and the printed pick ticket, as a Warehouse user in the real portal.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WarehousePickingTests(PortalServer portal, BrowserSession browser)
{
    private const string Rows = "[data-testid=pick-grid] tbody tr.mud-table-row";

    [Fact]
    public async Task An_order_placed_after_300_others_is_found_by_search_shipped_in_part_and_its_pick_ticket_prints()
    {
        var data = await WarehousePickData.AddAsync(portal);
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync("warehouse@demo.local");
        await page.GotoAsync("/warehouse/picking");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(Rows).First).ToBeVisibleAsync();
        await Expect(page.Locator(Rows).Filter(new() { HasText = data.LastOrderNumber })).ToHaveCountAsync(0);
        var total = int.Parse((await page.Locator(".mud-table-pagination-caption").Last.InnerTextAsync()).Split(" of ")[1].Split(' ')[0].Replace(",", ""));
        Assert.True(total > WarehousePickData.OrdersAhead, $"{total} orders on the list");
        await WidthScreenshots.AtDesktopAndTabletAsync(page, "warehouse-pick-list");

        await page.Locator("#pick-search").FillAsync(data.LastOrderNumber);
        await page.Locator("#pick-search").PressAsync("Enter");
        var row = page.Locator(Rows);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(data.CustomerName);

        // Line 1: ship 2 of 5, the other 3 stay allocated.
        await row.GetByTestId($"ship-{data.LastOrderId}-1").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("#ship-quantity").FillAsync("2");
        await Expect(dialog.GetByText("Keep the other 3 allocated")).ToBeVisibleAsync();
        await dialog.GetByTestId("ship-confirm").ClickAsync();
        await Expect(page.GetByText($"Shipped 2 × {data.Sku} on {data.LastOrderNumber}; 3 stay allocated")).ToBeVisibleAsync();

        // Line 2: ship 1 of 3 and release the other 2, which needs a reason.
        await row.GetByTestId($"ship-{data.LastOrderId}-2").ClickAsync();
        await dialog.Locator("#ship-quantity").FillAsync("1");
        await dialog.GetByText("Release the other 2 back to stock, with a reason").ClickAsync();
        await dialog.GetByTestId("ship-confirm").ClickAsync();
        await Expect(dialog.GetByText("Reason is required to release units back to stock.")).ToBeVisibleAsync();
        await dialog.Locator("#ship-reason").FillAsync("Customer wants the rest next month");
        await Expect(dialog.GetByText("Reason is required to release units back to stock.")).ToBeHiddenAsync();
        await BrowserSession.ScreenshotAsync(page, "warehouse-ship-release");
        await dialog.GetByTestId("ship-confirm").ClickAsync();
        await Expect(page.GetByText($"Shipped 1 × {data.Sku} on {data.LastOrderNumber}; 2 released back to stock")).ToBeVisibleAsync();
        await Expect(row.Locator(".pick-lines tr")).ToHaveCountAsync(1);
        await Expect(row.Locator(".pick-qty")).ToHaveTextAsync("3");

        await row.GetByTestId($"ticket-{data.LastOrderId}").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Pick ticket {data.LastOrderNumber}");
        var ticket = page.GetByTestId("pick-ticket");
        await Expect(ticket).ToContainTextAsync(data.CustomerName);
        await Expect(ticket.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(ticket.Locator("tbody tr td").Nth(3)).ToHaveTextAsync("3");
        await WidthScreenshots.AtDesktopAndTabletAsync(page, "warehouse-pick-ticket");

        // On paper: the ticket alone, no app bar, menu or buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("print-ticket")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-snackbar").First).ToBeHiddenAsync();
        await Expect(ticket).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "warehouse-pick-ticket-print");
        var pdf = Path.Combine(AppContext.BaseDirectory, "screenshots", "warehouse-pick-ticket.pdf");
        await page.PdfAsync(new() { Path = pdf, Format = "A4" });
        Assert.True(new FileInfo(pdf).Length > 1_000);

        await using (var db = WarehousePickData.Open(portal))
        {
            var lines = await db.SalesOrderLines.Where(l => l.SalesOrderId == data.LastOrderId).OrderBy(l => l.LineNumber).ToListAsync();
            Assert.Equal([(2, 3), (1, 0)], lines.Select(l => (l.Shipped, l.Allocated)));
            var released = await db.AuditEvents.SingleAsync(a => a.EntityId == data.LastOrderNumber && a.Action == "Released");
            Assert.Equal(("warehouse@demo.local", "Line 2: 2 units released back to stock after a partial shipment: Customer wants the rest next month"),
                (released.User, released.Details));
        }

        // The allocation run the shipment asked for hands the 2 released units to the tier 1 order waiting ahead.
        Assert.Equal(2, await data.AllocatedToWaitingOrderAsync(portal, atLeast: 2));
    }

    [Theory]
    [InlineData("sales@demo.local")]
    [InlineData("purchasing@demo.local")]
    public async Task Sales_and_purchasing_users_are_refused_the_pick_list_and_the_pick_ticket(string user)
    {
        var page = await browser.NewPageAsync(portal.BaseUrl);
        await page.SignInAsync(user);

        foreach (var path in new[] { "/warehouse/picking", "/warehouse/pick-ticket/1" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
            Assert.Equal("/Account/AccessDenied", new Uri(page.Url).AbsolutePath, StringComparer.OrdinalIgnoreCase);
            await Expect(page.GetByTestId("pick-ticket")).ToHaveCountAsync(0);
        }
    }
}
