using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Allocation;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Allocation.Jobs;

/// <summary>Rows and receipts for the scheduler tests, written from outside the portal processes under test.</summary>
internal static class JobTestData
{
    /// <summary>A product with nothing on hand and <paramref name="orders"/> orders of 5 units waiting for it.</summary>
    public static async Task<int> ShortProductAsync(PortalDbContext db, int orders)
    {
        var data = new TestData(db);
        var warehouse = data.AddWarehouse();
        var product = data.AddProduct();
        data.AddStock(product, warehouse);
        for (var i = 0; i < orders; i++)
        {
            data.AddSalesOrder(data.AddCustomer(priorityTier: 1 + i % 5), warehouse, TestData.Now.AddMinutes(-i), [(product, 5)]);
        }

        return product.Id;
    }

    /// <summary>
    /// A short product whose <paramref name="orders"/> customers have not been told yet: the product is marked, so the
    /// next run tells them, and the quiet window is off, so their emails are due at once.
    /// </summary>
    public static async Task<int> ShortProductWithCustomersToTellAsync(PortalDbContext db, int orders)
    {
        var productId = await ShortProductAsync(db, orders);
        (await db.Settings.SingleAsync()).ChangeDates(pickDays: 1, receivingDays: 1, etaMoveThresholdDays: 1, leadTimeMoveThresholdDays: 5, quietWindowMinutes: 0);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await AllocationFlags.MarkAsync(db, [productId], "new orders", DateTimeOffset.UtcNow);
        await transaction.CommitAsync();
        return productId;
    }

    /// <summary>A receipt as the warehouse commits it: stock and the product's allocation flag in one transaction.</summary>
    public static Task ReceiveAsync(IDbContextFactory<PortalDbContext> dbFactory, int productId, int quantity) =>
        dbFactory.RetryOnConflictAsync(async db =>
        {
            var stock = await db.StockLevels.SingleAsync(s => s.ProductId == productId);
            stock.Receive(quantity);
            await db.SaveChangesAsync();
            await AllocationFlags.MarkAsync(db, [productId], "receipt", DateTimeOffset.UtcNow);
            return true;
        });

    public static async Task WaitUntilAllocatedAsync(Func<PortalDbContext> newContext, int productId, int expectedAllocated, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = newContext();
            var allocated = await db.SalesOrderLines.Where(l => l.ProductId == productId).SumAsync(l => l.Allocated);
            var pending = await db.PendingAllocations.AnyAsync(p => p.ProductId == productId);
            if (allocated == expectedAllocated && !pending)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"After {timeout.TotalSeconds:N0} s product {productId} has {allocated} units allocated (expected {expectedAllocated}); still marked: {pending}.");
            }

            await Task.Delay(200);
        }
    }
}
