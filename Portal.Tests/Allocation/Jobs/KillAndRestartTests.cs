using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Browser;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Allocation.Jobs;

/// <summary>
/// A change committed just before the process dies never got its allocation run, and its job (in memory on the
/// embedded default) died with the process. The restarted portal finds the product still marked, allocates it and
/// emails the customer, with the periodic sweep far away: the work comes back from the portal's own tables at start.
/// </summary>
public sealed class KillAndRestartTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_change_committed_before_a_crash_is_allocated_and_announced_after_restart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var pickup = TestEnvironment.CreateScratchFolder("portal-kill-mail-");
        await using var portal = PortalServer.With(new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__Portal"] = database.ConnectionString,
            ["Database__SeedDemoData"] = "false",
            ["Email__Mode"] = "Pickup",
            ["Email__PickupFolder"] = pickup,
            ["Scheduler__SweepInterval"] = "01:00:00",
            ["Scheduler__NoticeInterval"] = "00:00:02",
        });

        int productId;
        await using (var db = database.CreateContext())
        {
            productId = await JobTestData.ShortProductWithCustomersToTellAsync(db, orders: 3);
        }

        // The three customers are told their 5 units are backordered.
        await portal.StartAsync();
        await JobTestData.WaitUntilAllocatedAsync(database.CreateContext, productId, expectedAllocated: 0, TimeSpan.FromSeconds(60));
        await WaitForEmailsAsync(pickup, "backordered", 3);

        // The process dies; the receipt it had just committed is in the database, its run never happened.
        await portal.KillAsync();
        await JobTestData.ReceiveAsync(new TestDbContextFactory(database), productId, 12);

        await portal.StartAsync();

        await JobTestData.WaitUntilAllocatedAsync(database.CreateContext, productId, expectedAllocated: 12, TimeSpan.FromSeconds(60));
        await using (var db = database.CreateContext())
        {
            var stock = await db.StockLevels.AsNoTracking().SingleAsync(s => s.ProductId == productId);
            Assert.Equal((12, 12), (stock.OnHand, stock.Allocated));
        }

        // Two orders are ready to ship now; their customers hear it once each.
        await WaitForEmailsAsync(pickup, "Ready to ship", 2);
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate to show itself
        Assert.Equal(2, Emails(pickup).Count(e => e.Contains("Ready to ship", StringComparison.Ordinal)));
        Directory.Delete(pickup, recursive: true);
    }

    private static List<string> Emails(string folder) => Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).ToList();

    private static async Task WaitForEmailsAsync(string folder, string containing, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Emails(folder).Count(e => e.Contains(containing, StringComparison.Ordinal)) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited a minute for {count} emails saying \"{containing}\"; the pickup folder has {Emails(folder).Count}.");
            await Task.Delay(250);
        }
    }
}
