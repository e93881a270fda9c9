using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Domain.Catalog;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Features.Notifications.Links;
using Portal.Tests.Notifications;

namespace Portal.Tests.Browser;

/// <summary>
/// A customer of its own in a running portal that sends over a real SMTP server: their order has a line partly ready
/// (2 of 5, the rest on a purchase order) and a line nobody has ordered from the supplier yet; another customer's order
/// waits behind them for the first product. The quiet window is 0 so emails go at the next send.
/// </summary>
internal sealed record CustomerLinkShop(string Email, string CustomerName, int OrderId, int OtherOrderId, string OtherCustomerName,
    string PartlyReadySku, string NotOrderedSku, int PurchaseOrderId, DateOnly PurchaseOrderDue, int PartlyReadyProductId)
{
    public string OrderNumber => SalesOrder.Format(OrderId);

    public static Dictionary<string, string> Environment(int smtpPort) => new()
    {
        ["Email__Mode"] = "Smtp",
        ["Email__Smtp__Host"] = "127.0.0.1",
        ["Email__Smtp__Port"] = smtpPort.ToString(),
        ["Email__From"] = "backorders@portal.test",
        ["Scheduler__SweepInterval"] = "00:00:02",
        ["Scheduler__NoticeInterval"] = "00:00:02",
    };

    public static async Task<CustomerLinkShop> AddAsync(PortalServer portal)
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var db = SalesBrowserShop.Open(portal);
        var settings = await db.Settings.SingleAsync();
        settings.ChangeDates(settings.PickDays, settings.ReceivingDays, settings.EtaMoveThresholdDays, settings.LeadTimeMoveThresholdDays, 0);
        var warehouse = await db.Warehouses.OrderBy(w => w.Id).FirstAsync();
        var supplier = new Supplier($"Link Supply {tag}", "orders@link-supply.example", 12);
        db.Suppliers.Add(supplier);
        var customer = new Customer($"CL{tag}", $"Link Buyers {tag}", $"buyer-{tag.ToLowerInvariant()}@link-buyers.example", 3, "sales@demo.local");
        var other = new Customer($"CO{tag}", $"Other Traders {tag}", $"other-{tag.ToLowerInvariant()}@other.example", 3, "sales@demo.local");
        db.Customers.AddRange(customer, other);
        await db.SaveChangesAsync();

        var partly = new Product($"CL-VALVE-{tag}", "Ball valve, link test", 19.90m, supplier.Id, 12);
        var notOrdered = new Product($"CL-GASKET-{tag}", "Gasket, link test", 3.10m, supplier.Id, 12);
        db.Products.AddRange(partly, notOrdered);
        await db.SaveChangesAsync();
        db.StockLevels.AddRange(new StockLevel(partly.Id, warehouse.Id, 2), new StockLevel(notOrdered.Id, warehouse.Id, 0));

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14);
        var po = new PurchaseOrder(supplier.Id, warehouse.Id, "purchasing@demo.local", DateTimeOffset.UtcNow);
        po.AddLine(partly.Id, 10, due, unitCost: 11.5m);
        db.PurchaseOrders.Add(po);

        var order = new SalesOrder(customer, warehouse.Id, "sales@demo.local", DateTimeOffset.UtcNow.AddMinutes(-5));
        order.AddLine(partly.Id, 5, partly.UnitPrice);
        order.AddLine(notOrdered.Id, 4, notOrdered.UnitPrice);
        var behind = new SalesOrder(other, warehouse.Id, "sales@demo.local", DateTimeOffset.UtcNow.AddMinutes(-1));
        behind.AddLine(partly.Id, 2, partly.UnitPrice);
        db.SalesOrders.AddRange(order, behind);
        db.PendingAllocations.AddRange(
            new PendingAllocation(partly.Id, "link test", DateTimeOffset.UtcNow), new PendingAllocation(notOrdered.Id, "link test", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return new CustomerLinkShop(customer.Email!, customer.Name, order.Id, behind.Id, other.Name, partly.Sku, notOrdered.Sku, po.Id, due, partly.Id);
    }

    /// <summary>Waits for the next email to this customer beyond the <paramref name="seen"/> they had.</summary>
    public async Task<ReceivedEmail> NextEmailAsync(SmtpServer smtp, int seen)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var mine = smtp.Messages().Where(m => m.To.Contains(Email, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mine.Count > seen)
            {
                return mine[seen];
            }

            await Task.Delay(200, deadline.Token);
        }
    }

    /// <summary>Links made with the running portal's own keys (read from its database), e.g. one that has already expired.</summary>
    public static OrderLinks Links(PortalServer portal)
    {
        var services = new ServiceCollection();
        services.AddScoped<PortalDbContext>(_ => SalesBrowserShop.Open(portal));
        services.AddDataProtection().SetApplicationName("BackorderPortal").PersistKeysToDbContext<PortalDbContext>();
        var provider = services.BuildServiceProvider();
        return new OrderLinks(provider.GetRequiredService<IDataProtectionProvider>(),
            Options.Create(new CustomerLinkOptions { PublicBaseUrl = portal.BaseUrl }), provider);
    }

    public async Task WaitUntilAsync(PortalServer portal, Func<PortalDbContext, Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var db = SalesBrowserShop.Open(portal))
            {
                if (await condition(db))
                {
                    return;
                }
            }

            await Task.Delay(200, deadline.Token);
        }
    }
}
