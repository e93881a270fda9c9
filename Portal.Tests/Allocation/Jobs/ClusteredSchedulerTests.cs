using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Portal.Data;
using Portal.Features.Allocation;
using Portal.Hosting;
using Portal.Tests.Browser;
using Portal.Tests.Common;
using Portal.Tests.Infrastructure;
using Quartz;

namespace Portal.Tests.Allocation.Jobs;

/// <summary>
/// Two portal processes share one PostgreSQL database and one clustered scheduler. A receipt's allocation run
/// fires once, on whichever instance takes it, and runs for one product never overlap.
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
        await using var client = QuartzClient(database.ConnectionString);
        var scheduler = new AllocationScheduler(client.GetRequiredService<ISchedulerFactory>(), NullLogger<AllocationScheduler>.Instance);
        await JobTestData.ReceiveAsync(dbFactory, productId, 10);
        await scheduler.RequestAsync([productId]);
        await JobTestData.WaitUntilAllocatedAsync(database.CreateContext, productId, expectedAllocated: 10, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a duplicate firing to show itself

        Assert.Single(await RunsAsync(database.ConnectionString, productId));

        // A burst of receipts, each asking for a run, from two writers at once: every firing waits for the one before.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                await JobTestData.ReceiveAsync(dbFactory, productId, 3);
                await scheduler.RequestAsync([productId]);
            }
        })));
        await JobTestData.WaitUntilAllocatedAsync(database.CreateContext, productId, expectedAllocated: 46, TimeSpan.FromSeconds(90));
        await WaitForQuietAsync(database.ConnectionString, productId);

        var runs = await RunsAsync(database.ConnectionString, productId);
        Assert.True(runs.Count >= 2, $"Expected several runs, saw {runs.Count}.");
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i - 1].End <= runs[i].Start,
                $"Run on {runs[i].Node} started at {runs[i].Start:O} while the run on {runs[i - 1].Node} was still going until {runs[i - 1].End:O}.");
        }
    }

    private sealed record Run(string Node, DateTime Start, DateTime End);

    // Quartz's own cluster-wide history: one row per firing, with the node that ran it.
    private static async Task<List<Run>> RunsAsync(string connectionString, int productId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT instance_name, fired_time, run_time FROM qrtz_execution_history WHERE job_name = @job ORDER BY fired_time", connection);
        command.Parameters.AddWithValue("job", $"product-{productId}");
        var runs = new List<Run>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var start = new DateTime(reader.GetInt64(1), DateTimeKind.Utc);
            runs.Add(new Run(reader.GetString(0), start, start.AddTicks(reader.GetInt64(2))));
        }

        return runs;
    }

    private static async Task WaitForQuietAsync(string connectionString, int productId)
    {
        var seen = -1;
        for (var i = 0; i < 30; i++)
        {
            var count = (await RunsAsync(connectionString, productId)).Count;
            if (count == seen)
            {
                return;
            }

            seen = count;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    // This process joins the cluster as a client only: it stores triggers, never runs them.
    private static ServiceProvider QuartzClient(string connectionString) =>
        new ServiceCollection()
            .AddLogging()
            .AddPortalQuartz(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, new SchedulerOptions
            {
                SweepInterval = TimeSpan.FromHours(1),
            })
            .BuildServiceProvider();
}
