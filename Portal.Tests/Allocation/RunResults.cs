using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

internal static class RunResults
{
    public static PoolRunResult Run(PoolSnapshot pool, DateOnly? today = null, NoticeSettings? notices = null) =>
        PoolEngine.Run(pool, today ?? Day.Today, Day.Calendar, EtaSettings.Default, notices ?? NoticeSettings.Default);

    // What the database service does with a run: write each changed line's allocation and notified state.
    public static PoolSnapshot Apply(this PoolSnapshot pool, PoolRunResult result)
    {
        var changes = result.Changes.ToDictionary(c => c.LineId);
        var lines = pool.Lines
            .Select(l => changes.TryGetValue(l.LineId, out var c) ? l with { Allocated = c.AllocatedAfter, LastNotified = c.Notified } : l)
            .ToArray();
        return pool with { Lines = lines };
    }

    public static LineChange Line(this PoolRunResult result, int orderId, int lineNumber = 1) =>
        result.Changes.Single(c => c.LineId == LineBuilder.IdOf(orderId, lineNumber));
}
