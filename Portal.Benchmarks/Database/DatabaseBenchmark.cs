using System.Diagnostics;
using Portal.Benchmarks.Data;
using Portal.Benchmarks.Harness;
using Portal.Data;
using Portal.Features.Allocation;

namespace Portal.Benchmarks.Database;

/// <summary>
/// The full run through the database (AllocationService.RunAllAsync: load, compute, write only what changed, commit)
/// against a bare read of the same rows plus a bare write of the same changed rows, each repetition on a fresh copy
/// of the same data with a warm cache (the bare read runs once untimed first). Then the SQL round trips of a run,
/// counted at this size and on a data set 20 times smaller.
/// </summary>
public static class DatabaseBenchmark
{
    public static async Task RunAsync(Options options, DatabaseHost host, DataSet data, string template)
    {
        var provider = host.Provider;
        Console.WriteLine($"== Full run through the database: {provider}, {options.Scale}");
        var stopwatch = Stopwatch.StartNew();
        var expected = ChangedRows.Compute(data);
        Console.WriteLine($"   expected: {expected.Lines.Count:N0} order lines and {expected.StockLevels.Count:N0} stock levels to write, " +
                          $"{expected.Notices:N0} notices on {expected.OrdersNotified:N0} orders (worked out in memory in {stopwatch.ElapsedMilliseconds:N0} ms); notice queue: {NoticeQueues.Describe(options)}");

        var clock = new FixedClock(data.Now);
        var reps = options.Repetitions ?? (options.Quick ? 5 : 3);

        // Warm-up run: JIT, EF's compiled queries, and the SELECTs the bare read will replay.
        var (warm, captured, _) = await FullRunAsync(options, host, template, clock, printTimeline: true);
        Console.WriteLine($"   warm-up run: {warm.Summary.Pools:N0} pools, {warm.Summary.Lines:N0} lines read, {warm.Summary.LinesWritten:N0} written, " +
                          $"{warm.Summary.Notices:N0} notices, {warm.Elapsed.TotalMilliseconds:N0} ms; {warm.Commands}");
        if (warm.Summary.LinesWritten != expected.Lines.Count)
            Console.WriteLine($"   NOTE: the service wrote {warm.Summary.LinesWritten:N0} lines, the in-memory reckoning says {expected.Lines.Count:N0}");

        var full = new Samples();
        var read = new Samples();
        var write = new Samples();
        var sum = new Samples();
        var ratio = new Samples("×");
        var rerun = new Samples();
        var rerunWritten = 0;
        for (var rep = 1; rep <= reps; rep++)
        {
            var work = await host.CloneAsync(template);
            var cs = host.ConnectionString(work);
            await BareBaseline.ReadAsync(provider, cs, captured); // warm the cache
            stopwatch.Restart();
            await BareBaseline.ReadAsync(provider, cs, captured);
            var r = stopwatch.Elapsed;
            var run = await TimedServiceRunAsync(options, host, work, clock);
            var again = await TimedServiceRunAsync(options, host, work, clock); // same data, nothing left to change
            await host.DropAsync(work);

            work = await host.CloneAsync(template);
            cs = host.ConnectionString(work);
            await BareBaseline.ReadAsync(provider, cs, captured);
            stopwatch.Restart();
            await BareBaseline.WriteAsync(provider, cs, expected);
            var w = stopwatch.Elapsed;
            await host.DropAsync(work);

            full.Add(run.Elapsed);
            rerun.Add(again.Elapsed);
            rerunWritten = Math.Max(rerunWritten, again.Summary.LinesWritten);
            read.Add(r);
            write.Add(w);
            sum.Add(r + w);
            ratio.Add(run.Elapsed / (r + w));
            Console.WriteLine($"   rep {rep}: full run {run.Elapsed.TotalMilliseconds:N0} ms ({run.Commands}, {run.Summary.Statements} writer statements); bare read {r.TotalMilliseconds:N0} ms + " +
                              $"bare write {w.TotalMilliseconds:N0} ms = {(r + w).TotalMilliseconds:N0} ms; ratio {run.Elapsed / (r + w):0.00}×; load {Load.Average}");
        }

        Console.WriteLine($"   full run (RunAllAsync):    {full.Summary()}");
        Console.WriteLine($"   run again, nothing to write: {rerun.Summary()} (load and compute; at most {rerunWritten} lines written)");
        Console.WriteLine($"   bare read:                 {read.Summary()}");
        Console.WriteLine($"   bare write:                {write.Summary()}");
        Console.WriteLine($"   bare read + write:         {sum.Summary()}");
        Console.WriteLine($"   full run / (read + write): {ratio.Summary()}   [goal ≤ 2×{(provider == DatabaseProvider.Postgres ? "; PostgreSQL full run about 5 s or less" : "")}]");
        Console.WriteLine($"   per open line (median):    {full.Median * 1000 / warm.Summary.Lines:0.0} µs");

        // Round trips at two sizes.
        var smaller = options.Scale.Divide(20);
        var smallData = SharedData.Get(smaller, options.State);
        var smallTemplate = await host.CreateTemplateAsync(smallData);
        var (small, _, _) = await FullRunAsync(options, host, smallTemplate, clock, printTimeline: false);
        await host.DropAsync(smallTemplate);
        Console.WriteLine($"   SQL round trips per full run: {warm.Commands} at {warm.Summary.Lines:N0} lines ({warm.Summary.LinesWritten:N0} written); " +
                          $"{small.Commands} at {small.Summary.Lines:N0} lines ({small.Summary.LinesWritten:N0} written)");
        if (provider == DatabaseProvider.Sqlite)
            Console.WriteLine("   (SQLite: the writer's prepared UPDATEs run on the same connection outside EF, once per changed row and stock level: " +
                              $"{warm.Summary.LinesWritten + expected.StockLevels.Count:N0} in-process executions at full size, " +
                              $"{small.Summary.LinesWritten:N0}+ at the smaller one; statements prepared: {warm.Summary.Statements} / {small.Summary.Statements})");
    }

    public sealed record Run(AllocationRunSummary Summary, TimeSpan Elapsed, string Commands, TimeSpan CounterStart);

    private static async Task<(Run Run, IReadOnlyList<CommandCounter.Executed> Captured, string Work)> FullRunAsync(
        Options options, DatabaseHost host, string template, TimeProvider clock, bool printTimeline)
    {
        var work = await host.CloneAsync(template);
        var run = await TimedServiceRunAsync(options, host, work, clock);
        var start = run.CounterStart;
        var captured = host.Counter.Commands;
        if (printTimeline)
        {
            Console.WriteLine("   warm-up run, command by command (gap = time in the app before the command):");
            host.Counter.PrintTimeline(start, start + run.Elapsed);
        }

        await host.DropAsync(work);
        return (run, captured, work);
    }

    private static async Task<Run> TimedServiceRunAsync(Options options, DatabaseHost host, string work, TimeProvider clock)
    {
        var service = host.Service(work, clock, NoticeQueues.Create(options, clock));
        Memory.Collect();
        host.Counter.Reset();
        var counterStart = host.Counter.Now;
        var stopwatch = Stopwatch.StartNew();
        var summary = await service.RunAllAsync();
        var elapsed = stopwatch.Elapsed;
        host.Counter.Stop();
        return new Run(summary, elapsed, host.Counter.Describe(), counterStart);
    }
}
