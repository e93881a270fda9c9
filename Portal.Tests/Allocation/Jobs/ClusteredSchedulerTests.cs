using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Domain.Allocation;
using Portal.Features.Allocation;
using Portal.Hosting;
using Portal.Tests.Browser;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Allocation.Jobs;

/// <summary>
/// Two portal processes share one PostgreSQL database and one Hangfire cluster. A receipt's allocation run happens
/// once, on whichever instance takes it, and runs for one product never overlap: checked against the portal's own
/// record of runs (AllocationRuns, written in each run's transaction), not the scheduler's.
/// </summary>
public sealed class ClusteredSchedulerTests
{
    [Fact]
    public async Task Two_instances_run_a_receipt_once_and_never_overlap_runs_for_a_product()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Portal"] = database.ConnectionString,
            ["Database__SeedDemoData"] = "false",
            ["Scheduler__SweepInterval"] = "01:00:00", // out of the way: only the requested runs should run
        };
        await using var first = PortalServer.With(environment);
        await using var second = PortalServer.With(environment);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        int productId;
        await using (var db = database.CreateContext())
        {
            productId = await JobTestData.ShortProductAsync(db, orders: 20);
        }

        // The receipt commits, then asks the cluster to run the product now, as the receiving page does.
        var dbFactory = new TestDbContextFactory(database);
        await using var client = JobClient(database.ConnectionString);
        var scheduler = new AllocationScheduler(client.GetRequiredService<IBackgroundJobClient>(), NullLogger<AllocationScheduler>.Instance);
        await JobTestData.ReceiveAsync(dbFactory, productId, 10);
        await scheduler.RequestAsync([productId]);
        await JobTestData.WaitUntilAllocatedAsync(database.CreateContext, productId, expectedAllocated: 10, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate run to show itself

        Assert.Single(await RunsAsync(database, productId));

        // A burst of receipts, each asking for a run, from two writers at once: every run waits for the one before.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                await JobTestData.ReceiveAsync(dbFactory, productId, 3);
                await scheduler.RequestAsync([productId]);
            }
        })));
        await JobTestData.WaitUntilAllocatedAsync(database.CreateContext, productId, expectedAllocated: 46, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var runs = await RunsAsync(database, productId);
        Assert.True(runs.Count >= 2, $"Expected several runs, saw {runs.Count}.");
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i - 1].FinishedAt <= runs[i].StartedAt,
                $"Run on {runs[i].Instance} started at {runs[i].StartedAt:O} while the run on {runs[i - 1].Instance} held the product until {runs[i - 1].FinishedAt:O}.");
        }
    }

    private static async Task<List<AllocationRun>> RunsAsync(TestDatabase database, int productId)
    {
        await using var db = database.CreateContext();
        return await db.AllocationRuns.AsNoTracking().Where(r => r.ProductId == productId).OrderBy(r => r.StartedAt).ToListAsync();
    }

    // This process joins the cluster's storage as a client only: it enqueues jobs, never runs them.
    private static ServiceProvider JobClient(string connectionString) =>
        new ServiceCollection()
            .AddLogging()
            .AddPortalJobStorage(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, new JobsOptions())
            .BuildServiceProvider();
}
