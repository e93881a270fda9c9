using Portal.Data;
using Portal.Features.Allocation;

namespace Portal.Tests.Allocation.Service;

/// <summary>
/// Stands in for the customer outbox where a test is about allocation; <see cref="DuringRun"/> runs inside the
/// run's transaction, which is how tests make a run crash or meet a concurrent change at the last moment.
/// </summary>
internal sealed class RecordingNoticeQueue : INoticeQueue
{
    public List<LineNotice> Queued { get; } = [];

    public Func<PortalDbContext, int, Task>? DuringRun { get; set; }

    private int calls;

    public async Task<int> QueueAsync(PortalDbContext db, IReadOnlyList<LineNotice> notices, CancellationToken cancellationToken)
    {
        if (DuringRun is { } hook)
        {
            await hook(db, ++calls);
        }

        Queued.AddRange(notices);
        return 0;
    }
}
