using Portal.Benchmarks.Data;
using Portal.Benchmarks.Engine;
using Portal.Domain.Allocation;

namespace Portal.Benchmarks.Database;

/// <summary>
/// The rows a full run changes, with their new values, worked out in memory from the generated data (the same
/// engine, the same "only what changed" rule as the service's planner). The bare write writes exactly these.
/// </summary>
public sealed class ChangedRows
{
    public sealed record Line(
        int Id, int Version, int Allocated, DateOnly? EtaDate, int EtaBasis, bool EtaOverdue, int? EtaPurchaseOrderId, string EtaNote,
        string? AllocationNote, int NotifiedBackordered, DateOnly? NotifiedEtaDate, int NotifiedEtaBasis, int NotifiedShipped, int NotifiedCancelled);

    public sealed record Stock(int Id, int Version, int Allocated);

    public required IReadOnlyList<Line> Lines { get; init; }
    public required IReadOnlyList<Stock> StockLevels { get; init; }
    public required int Notices { get; init; }
    public required int OrdersNotified { get; init; }

    public static ChangedRows Compute(DataSet data)
    {
        var pools = Pools.Build(data);
        var results = EngineRun.Parallel(pools, data.Today, data.Calendar);
        var lines = new List<Line>();
        var stock = new List<Stock>();
        var notices = 0;
        var orders = new HashSet<int>();
        for (var i = 0; i < results.Length; i++)
        {
            var changes = results[i].Changes.ToDictionary(c => c.LineId);
            var poolAllocated = 0;
            foreach (var eta in results[i].Etas)
            {
                ref readonly var s = ref data.Lines[eta.LineId - 1];
                changes.TryGetValue(eta.LineId, out var change);
                var allocated = change?.AllocatedAfter ?? s.Allocated;
                poolAllocated += allocated;
                var etaDate = StoredEta.ToStore(eta.EtaDate, eta.Basis, eta.Overdue);
                if (change is null && s.EtaDate == etaDate && s.EtaBasis == eta.Basis && s.EtaOverdue == eta.Overdue
                    && s.EtaPurchaseOrderId == eta.CoveringPoId) continue;
                var n = change?.Notified ?? new NotifiedState(s.NotifiedBackordered, s.NotifiedEtaDate, s.NotifiedEtaBasis, s.NotifiedShipped, s.NotifiedCancelled);
                notices += change?.Notices.Count ?? 0;
                if (change is { Notices.Count: > 0 }) orders.Add(change.OrderId);
                lines.Add(new Line(s.Id, s.Version, allocated, etaDate, (int)eta.Basis, eta.Overdue, eta.CoveringPoId, eta.Explanation,
                    change is { Added: not 0 } ? change.Allocation.Explanation : s.AllocationNote,
                    n.Backordered, n.EtaDate, (int)n.Basis, n.Shipped, n.Cancelled));
            }

            ref readonly var level = ref data.Stock[pools.ProductIds[i] - 1];
            if (poolAllocated != level.Allocated) stock.Add(new Stock(level.Id, 0, poolAllocated));
        }

        return new ChangedRows { Lines = lines, StockLevels = stock, Notices = notices, OrdersNotified = orders.Count };
    }
}
