using Portal.Data;
using Portal.Features.Allocation;

namespace Portal.Benchmarks.Database;

/// <summary>A notice queue that adds nothing (--notices none): the run without the outbox's own work.</summary>
public sealed class NullNoticeQueue : INoticeQueue
{

    public long Queued { get; private set; }

    public Task<int> QueueAsync(PortalDbContext db, IReadOnlyList<LineNotice> notices, CancellationToken cancellationToken)
    {
        Queued += notices.Count;
        return Task.FromResult(0);
    }
}

/// <summary>"Now" frozen at the data set's Monday morning, as the generated dates assume.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public static class NoticeQueues
{
    public static INoticeQueue Create(Options options, TimeProvider clock) =>
        options.Outbox ? new Portal.Features.Notifications.NoticeOutbox(clock) : new NullNoticeQueue();

    public static string Describe(Options options) =>
        options.Outbox ? "the real outbox (NoticeOutbox: notices and events written set-based in the run's transaction)" : "a queue that adds nothing (--notices none)";
}
