using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Browser;

namespace Portal.Tests.Allocation.Jobs;

/// <summary>
/// A change committed just before the process dies never got its allocation run; the sweep of the restarted
/// process finds the product still marked and runs it.
/// </summary>
public sealed class KillAndRestartTests
{
    [Fact]
    public async Task A_change_committed_before_a_crash_is_allocated_by_the_sweep_after_restart()
    {
        await using var portal = PortalServer.With(new Dictionary<string, string>
        {
            ["Database__SeedDemoData"] = "false",
            ["Scheduler__SweepInterval"] = "00:00:02",
        });
        await portal.StartAsync();
        var connectionString = $"Data Source={Path.Combine(portal.DataFolder, "portal.db")};Default Timeout=30";
        PortalDbContext NewContext() =>
            PortalDbContext.Create((DbContextOptions<PortalDbContext>)new DbContextOptionsBuilder<PortalDbContext>().UsePortalDatabase(DatabaseProvider.Sqlite, connectionString).Options);

        int productId;
        await using (var db = NewContext())
        {
            productId = await JobTestData.ShortProductAsync(db, orders: 3);
        }

        // The process dies; the receipt it had just committed is in the database, its run never happened.
        await portal.KillAsync();
        await JobTestData.ReceiveAsync(new ContextFactory(NewContext), productId, 12);
        await using (var db = NewContext())
        {
            Assert.Equal(0, await db.SalesOrderLines.Where(l => l.ProductId == productId).SumAsync(l => l.Allocated));
        }

        await portal.StartAsync();

        await JobTestData.WaitUntilAllocatedAsync(NewContext, productId, expectedAllocated: 12, TimeSpan.FromSeconds(60));
        await using (var db = NewContext())
        {
            var stock = await db.StockLevels.AsNoTracking().SingleAsync(s => s.ProductId == productId);
            Assert.Equal((12, 12), (stock.OnHand, stock.Allocated));
        }
    }

    private sealed class ContextFactory(Func<PortalDbContext> create) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => create();
    }
}
