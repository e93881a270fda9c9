using System.Diagnostics;
using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// The nightly re-projection runs every pool: 1,000,000 lines over 50,000 pools should take well under a second
// (target < 0.5 s on 2 cores in Release). The bound here is loose so a busy test machine or a Debug build does not
// fail it; it catches an algorithm that went quadratic, not a few percent.
// No test output helper: its namespace differs between xunit 2 and 3, and the figure matters only when it fails.
public class PerformanceTests
{
    [Fact]
    [Trait("Category", "Performance")]
    public void A_million_lines_over_fifty_thousand_pools_run_in_well_under_the_budget()
    {
        var pools = ManyPools(50_000, 20, seed: 7);
        RunAll(pools[..1_000]); // warm up the JIT

        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var gcs = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        var changed = RunAll(pools);
        watch.Stop();

        var figures = $"{pools.Length:N0} pools, {pools.Length * 20:N0} lines: {watch.ElapsedMilliseconds} ms, {changed:N0} changed lines, " +
                      $"{(GC.GetTotalAllocatedBytes(precise: true) - bytes) / 1_000_000:N0} MB allocated, {GC.CollectionCount(0) - gcs} gen0 GCs";
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), figures);
    }

    private static long RunAll(PoolSnapshot[] pools)
    {
        long changed = 0;
        Parallel.For(0, pools.Length, () => 0L,
            (i, _, sum) => sum + PoolEngine.Run(pools[i], Day.Today, Day.Calendar, EtaSettings.Default, NoticeSettings.Default).Changes.Count,
            sum => Interlocked.Add(ref changed, sum));
        return changed;
    }

    private static PoolSnapshot[] ManyPools(int count, int linesPerPool, int seed)
    {
        var random = new Random(seed);
        var pools = new PoolSnapshot[count];
        var lineId = 0;
        for (var p = 0; p < count; p++)
        {
            var lines = new DemandLine[linesPerPool];
            var allocated = 0;
            for (var i = 0; i < linesPerPool; i++)
            {
                var ordered = random.Next(1, 20);
                var alloc = random.Next(0, ordered + 1);
                allocated += alloc;
                var told = random.Next(2) == 0 ? null
                    : new NotifiedState(ordered - alloc, Day.Today.AddDays(random.Next(0, 30)), EtaBasis.PurchaseOrder, 0, 0);
                lines[i] = new DemandLine(++lineId, random.Next(1, 400_000), random.Next(1, 4), random.Next(20) == 0, random.Next(1, 4),
                    random.Next(3) == 0 ? null : Day.Today.AddDays(random.Next(0, 20)), Day.Placed(random.Next(0, 24), random.Next(0, 60)),
                    random.Next(10) == 0, random.Next(30) == 0, ordered, alloc, 0, 0, told);
            }
            var supply = new SupplyLine[3];
            for (var s = 0; s < supply.Length; s++)
                supply[s] = new SupplyLine(p * 10 + s, random.Next(1, 90_000), Day.Today.AddDays(random.Next(-5, 60)), random.Next(0, 60));
            pools[p] = new PoolSnapshot(allocated + random.Next(0, 40), lines, supply, random.Next(4) == 0 ? null : random.Next(5, 30));
        }
        return pools;
    }
}
