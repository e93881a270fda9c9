using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Benchmarks.Data;
using Portal.Benchmarks.Harness;
using Portal.Data;
using Portal.Features.Allocation;

namespace Portal.Benchmarks.Database;

/// <summary>
/// One product's incremental run after a receipt, on a copy of the full data set (so tables and indexes have their
/// real size) after a full run has settled it. Each iteration, untimed: a receipt in its own transaction (the
/// product's earliest open PO line receives up to 25 units, stock goes up by as much, the product is marked for
/// allocation). Timed: AllocationService.RunProductAsync — load, allocate, project, write, queue notices, clear the
/// mark, commit.
/// </summary>
public static class IncrementalBenchmark
{
    public static async Task RunAsync(Options options, DatabaseHost host, DataSet data, string template)
    {
        Console.WriteLine($"== Incremental run after a receipt: {host.Provider}, {options.Scale}");
        if (data.Hot10k == 0)
        {
            Console.WriteLine("   this scale has no product with 10,000 lines; use the full scale or --quick");
            return;
        }

        var work = await host.CloneAsync(template);
        var clock = new FixedClock(data.Now);
        // Settling is setup, not measured: it queues nothing (a full run's notices are the database part's business).
        var settle = await host.Service(work, clock, new NullNoticeQueue()).RunAllAsync();
        var service = host.Service(work, clock, NoticeQueues.Create(options, clock));
        // The settling run rewrote most lines: let PostgreSQL clean up now (as autovacuum soon would, in the middle
        // of the measurements otherwise); SQLite only refreshes its statistics.
        var stopwatch = Stopwatch.StartNew();
        await host.MaintainAsync(work);
        Console.WriteLine($"   {(host.Provider == DatabaseProvider.Postgres ? "VACUUM ANALYZE" : "ANALYZE")} after settling: {stopwatch.Elapsed.TotalSeconds:0.0} s (untimed)");
        Console.WriteLine($"   settled with a full run: {settle.LinesWritten:N0} lines written in {settle.Elapsed.TotalMilliseconds:N0} ms; " +
                          $"measured runs queue notices with {NoticeQueues.Describe(options)}");

        var factory = host.ContextFactory(work);
        var iterations = options.Repetitions ?? (options.Quick ? 30 : 60);
        foreach (var (productId, size) in new[] { (data.Hot1k, Scale.HotLines1k), (data.Hot10k, Scale.HotLines10k) })
        {
            var times = new Samples();
            var written = new Samples("lines");
            var noticeCount = new Samples("notices");
            string? commands = null;
            var waiting = await WaitingAsync(factory, productId);
            for (var i = -5; i < iterations; i++)
            {
                await ReceiveAsync(factory, productId, clock.GetUtcNow());
                Memory.Collect();
                host.Counter.Reset();
                var counterStart = host.Counter.Now;
                stopwatch.Restart();
                var summary = await service.RunProductAsync(productId);
                var elapsed = stopwatch.Elapsed;
                host.Counter.Stop();
                if (i == iterations - 1)
                {
                    Console.WriteLine($"   product {productId}, last run, command by command ({elapsed.TotalMilliseconds:0} ms):");
                    host.Counter.PrintTimeline(counterStart, counterStart + elapsed);
                    if (Environment.GetEnvironmentVariable("PORTAL_BENCH_EXPLAIN") == "1")
                        await Explain.PrintAsync(host.Provider, host.ConnectionString(work), host.Counter.Commands);
                }

                if (i < 0) continue; // warm-up
                times.Add(elapsed);
                written.Add(summary.LinesWritten);
                noticeCount.Add(summary.Notices);
                commands ??= host.Counter.Describe();
                if (summary.Attempts > 1) Console.WriteLine($"   (iteration {i} needed {summary.Attempts} attempts)");
            }

            // The same SELECTs as the last run, replayed bare (plain ADO.NET, values read and dropped): what reading costs
            // without EF and the engine.
            var bare = new Samples();
            var lastSelects = host.Counter.Commands;
            for (var i = 0; i < 15; i++)
            {
                stopwatch.Restart();
                await BareBaseline.ReadAsync(host.Provider, host.ConnectionString(work), lastSelects);
                if (i >= 3) bare.Add(stopwatch.Elapsed);
            }

            var goal = size == Scale.HotLines1k ? 50 : 100;
            Console.WriteLine($"   product {productId}: {size:N0} open lines ({waiting.Waiting:N0} waiting, {waiting.Allocated:N0} allocated at the start), " +
                              $"{iterations} receipts");
            Console.WriteLine($"      RunProductAsync: {times.SummaryWithP95()}   [goal p95 < {goal} ms: {(times.Percentile(95) < goal ? "met" : "MISSED")}]");
            Console.WriteLine($"      bare read of the same SELECTs: {bare.SummaryWithP95()}");
            Console.WriteLine($"      per run: {written.Summary()} written, {noticeCount.Summary()}; {commands}");
        }

        await host.DropAsync(work);
    }

    private static async Task<(int Waiting, int Allocated)> WaitingAsync(IDbContextFactory<PortalDbContext> factory, int productId)
    {
        await using var db = factory.CreateDbContext();
        var lines = await db.SalesOrderLines.Where(l => l.ProductId == productId && (l.Backordered > 0 || l.Allocated > 0))
            .Select(l => new { l.Backordered, l.Allocated }).ToListAsync();
        return (lines.Count(l => l.Backordered > 0), lines.Count(l => l.Backordered == 0));
    }

    private static async Task ReceiveAsync(IDbContextFactory<PortalDbContext> factory, int productId, DateTimeOffset now)
    {
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var line = await db.PurchaseOrderLines.Where(l => l.ProductId == productId && l.Ordered > l.Received + l.Cancelled)
            .OrderBy(l => l.ExpectedDate).ThenBy(l => l.PurchaseOrderId).ThenBy(l => l.Id)
            .Select(l => new { l.Id, Open = l.Ordered - l.Received - l.Cancelled }).FirstAsync();
        var quantity = Math.Min(25, line.Open);
        await db.Database.ExecuteSqlAsync($"""UPDATE "PurchaseOrderLines" SET "Received" = "Received" + {quantity}, "Version" = "Version" + 1 WHERE "Id" = {line.Id}""");
        await db.Database.ExecuteSqlAsync($"""UPDATE "StockLevels" SET "OnHand" = "OnHand" + {quantity}, "Version" = "Version" + 1 WHERE "ProductId" = {productId}""");
        await AllocationFlags.MarkAsync(db, [productId], "Receipt", now);
        await transaction.CommitAsync();
    }
}
