using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Sales;

namespace Portal.Tests.Browser;

/// <summary>
/// Reads and changes the shared portal's own embedded database, for browser tests that need a situation the demo
/// data does not have (the portal's pages and jobs see the change as they would any other).
/// </summary>
internal sealed class PurchasingPortalData(PortalServer portal)
{
    public PortalDbContext Open()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(portal.DataFolder, "portal.db")};Default Timeout=30");
        return PortalDbContext.Create(options.Options);
    }

    /// <summary>Waits until the first allocation run has reserved the demo stock (the sweep runs it at start).</summary>
    public async Task WaitForDemoAllocationAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var db = Open();
            if (!await db.PendingAllocations.AnyAsync() && await db.StockLevels.AnyAsync(s => s.Allocated > 0))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The demo data was not allocated within 90 s.");
            }

            await Task.Delay(500);
        }
    }

    /// <summary>
    /// A top-tier customer's expedite order for all the stock of a product whose stock is already fully reserved by
    /// others, so a redistribution moves every reserved unit to it. Returns the product and the new line.
    /// </summary>
    public async Task<(int ProductId, int LineId, int Quantity)> ExpediteOrderForFullyReservedProductAsync(string customerName)
    {
        await using var db = Open();
        var stock = await db.StockLevels.AsNoTracking()
            .Where(s => s.Allocated > 0 && s.Allocated == s.OnHand && s.OnHand <= 50)
            .OrderByDescending(s => s.Allocated).ThenBy(s => s.ProductId)
            .FirstAsync();
        var product = await db.Products.SingleAsync(p => p.Id == stock.ProductId);
        var customer = new Customer($"T{Guid.NewGuid():N}"[..12], customerName, null, Customer.HighestTier, null);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        var order = new SalesOrder(customer, stock.WarehouseId, "sales@demo.local", DateTimeOffset.UtcNow);
        order.MarkExpedite("Browser test: line down");
        var line = order.AddLine(product.Id, stock.OnHand, product.UnitPrice);
        db.SalesOrders.Add(order);
        await db.SaveChangesAsync();
        return (product.Id, line.Id, stock.OnHand);
    }
}
