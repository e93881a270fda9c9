using Portal.Benchmarks.Data;
using Portal.Domain.Allocation;

namespace Portal.Benchmarks.Engine;

/// <summary>The pure engine over every pool: allocation, ETA projection and notice decisions (PoolEngine.Run), sorting included.</summary>
public static class EngineRun
{
    public static PoolRunResult[] Parallel(Pools pools, DateOnly today, BusinessCalendar calendar)
    {
        var snapshots = pools.Snapshots;
        var results = new PoolRunResult[snapshots.Length];
        System.Threading.Tasks.Parallel.For(0, snapshots.Length,
            i => results[i] = PoolEngine.Run(snapshots[i], today, calendar, EtaSettings.Default, NoticeSettings.Default));
        return results;
    }

    public static PoolRunResult[] Sequential(Pools pools, DateOnly today, BusinessCalendar calendar)
    {
        var snapshots = pools.Snapshots;
        var results = new PoolRunResult[snapshots.Length];
        for (var i = 0; i < snapshots.Length; i++)
            results[i] = PoolEngine.Run(snapshots[i], today, calendar, EtaSettings.Default, NoticeSettings.Default);
        return results;
    }

    /// <summary>
    /// What the service does next in memory: for each line whose allocation, promise or notified state changed, the
    /// words stored with it (ETA note, allocation note). Returns how many lines would be written.
    /// </summary>
    public static int WordChanges(DataSet data, PoolRunResult[] results)
    {
        var count = 0;
        var chars = 0L;
        foreach (var result in results)
        {
            Dictionary<int, LineChange>? changes = null;
            if (result.Changes.Count > 0)
            {
                changes = new Dictionary<int, LineChange>(result.Changes.Count);
                foreach (var c in result.Changes) changes[c.LineId] = c;
            }

            foreach (var eta in result.Etas)
            {
                ref readonly var stored = ref data.Lines[eta.LineId - 1];
                LineChange? change = null;
                var changed = changes is not null && changes.TryGetValue(eta.LineId, out change);
                if (!changed && stored.EtaDate == eta.EtaDate && stored.EtaBasis == eta.Basis && stored.EtaOverdue == eta.Overdue
                    && stored.EtaPurchaseOrderId == eta.CoveringPoId) continue;
                count++;
                chars += eta.Explanation.Length;
                if (change is { Added: not 0 }) chars += change.Allocation.Explanation.Length;
            }
        }

        GC.KeepAlive(chars);
        return count;
    }
}
