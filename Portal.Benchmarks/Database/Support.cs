using Portal.Data;
using Portal.Features.Allocation;

namespace Portal.Benchmarks.Database;

/// <summary>
/// The allocation run's outbox hand-off. The real outbox (NoticeOutbox) is not on main yet, so the benchmark queues
/// nothing: it counts the notices the run hands over and adds no rows. Swap in the outbox once it lands.
/// </summary>
public sealed class NullNoticeQueue : INoticeQueue
{
    public const string Description = "a minimal INoticeQueue that adds nothing (the real outbox is not on main yet)";

    public long Queued { get; private set; }

    public Task QueueAsync(PortalDbContext db, IReadOnlyList<LineNotice> notices, CancellationToken cancellationToken)
    {
        Queued += notices.Count;
        return Task.CompletedTask;
    }
}

/// <summary>"Now" frozen at the data set's Monday morning, as the generated dates assume.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
