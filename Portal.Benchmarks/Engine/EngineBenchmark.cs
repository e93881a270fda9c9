using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Portal.Benchmarks.Data;
using Portal.Benchmarks.Harness;
using Portal.Domain.Allocation;

namespace Portal.Benchmarks.Engine;

/// <summary>
/// The in-memory part: a Stopwatch harness (warm-up, repetitions, spread, allocated bytes, peak working set of the run
/// alone), then the same work under BenchmarkDotNet (in-process, with its memory diagnoser) as an independent check.
/// </summary>
public static class EngineBenchmark
{
    public static void Run(Options options)
    {
        Console.WriteLine($"== Engine (in memory): {options.Scale}");
        var data = SharedData.Get(options.Scale, options.State);
        var stopwatch = Stopwatch.StartNew();
        var pools = Pools.Build(data);
        Console.WriteLine($"   input: {pools.Snapshots.Length:N0} pools, {pools.LineCount:N0} lines, {pools.Snapshots.Sum(s => s.Supply.Count):N0} supply lines " +
                          $"(built in {stopwatch.ElapsedMilliseconds:N0} ms); largest pool {pools.Snapshots.Max(s => s.Lines.Count):N0} lines; " +
                          $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        var calendar = data.Calendar;
        var today = data.Today;

        var reps = options.Repetitions ?? (options.Quick ? 5 : 10);
        for (var i = 0; i < 3; i++) EngineRun.Parallel(pools, today, calendar); // warm-up: JIT tiers, thread pool

        var parallel = new Samples();
        var sequential = new Samples();
        var allocated = new Samples("MB");
        var peak = new Samples("MB");
        var retained = new Samples("MB");
        PoolRunResult[]? results = null;
        // Parallel and one-thread runs alternate, so both see the same neighbours on this shared machine.
        for (var i = 0; i < reps; i++)
        {
            results = null;
            Memory.Collect();
            var heapBefore = Memory.ManagedHeapMb(collect: false);
            var canReset = Memory.ResetPeak();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            stopwatch.Restart();
            results = EngineRun.Parallel(pools, today, calendar);
            parallel.Add(stopwatch.Elapsed);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0);
            if (canReset) peak.Add(Memory.PeakWorkingSetMb());
            retained.Add(Memory.ManagedHeapMb() - heapBefore);

            Memory.Collect();
            stopwatch.Restart();
            EngineRun.Sequential(pools, today, calendar);
            sequential.Add(stopwatch.Elapsed);
        }

        var changes = results!.Sum(r => r.Changes.Count);
        var notices = results!.Sum(r => r.Changes.Sum(c => c.Notices.Count));
        stopwatch.Restart();
        var written = EngineRun.WordChanges(data, results!);
        var wording = stopwatch.Elapsed;

        Console.WriteLine($"   engine, all pools, parallel on {Environment.ProcessorCount} cores: {parallel.Summary()}   [goal < 500 ms]");
        Console.WriteLine($"   engine, all pools, one thread:       {sequential.Summary()}");
        Console.WriteLine($"   per line (parallel, median):         {parallel.Median * 1000 / pools.LineCount:0.00} µs");
        Console.WriteLine($"   allocated per run:                   {allocated.Summary()}");
        Console.WriteLine($"   results held after the run:          {retained.Summary()}");
        Console.WriteLine(peak.Count > 0
            ? $"   peak working set during the run:     {peak.Summary()} (process peak reset before each run; input data included)"
            : $"   peak working set (whole process):    {Memory.PeakWorkingSetMb():0} MB");
        Console.WriteLine($"   outcome: {changes:N0} lines with a new allocation or notified state, {notices:N0} notices; " +
                          $"{written:N0} lines to write once promises are compared; wording their notes took {wording.TotalMilliseconds:0} ms more");

        if (!options.SkipBenchmarkDotNet)
        {
            Console.WriteLine();
            Console.WriteLine("   BenchmarkDotNet (in-process) on the same pools:");
            EngineBdn.Pools = pools;
            EngineBdn.Today = today;
            EngineBdn.Calendar = calendar;
            var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
                .WithInvocationCount(1).WithUnrollFactor(1)
                .WithWarmupCount(options.Quick ? 2 : 3).WithIterationCount(options.Quick ? 5 : 12);
            var config = ManualConfig.CreateMinimumViable().AddJob(job).AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
                .WithOptions(ConfigOptions.DisableLogFile).WithArtifactsPath(Path.Combine(Path.GetTempPath(), "portal-bench-artifacts"));
            BenchmarkRunner.Run<EngineBdn>(config);
        }
    }
}

/// <summary>BenchmarkDotNet's view of the same run. Pools come from the harness (in-process toolchain), not regenerated.</summary>
public class EngineBdn
{
    internal static Pools? Pools;
    internal static DateOnly Today;
    internal static BusinessCalendar? Calendar;

    [Benchmark(Description = "PoolEngine.Run, all pools, parallel")]
    public PoolRunResult[] Parallel() => EngineRun.Parallel(Pools!, Today, Calendar!);

    [Benchmark(Description = "PoolEngine.Run, all pools, one thread")]
    public PoolRunResult[] Sequential() => EngineRun.Sequential(Pools!, Today, Calendar!);
}
