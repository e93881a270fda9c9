namespace Portal.Domain.Allocation;

// Changes: only lines whose allocation or notified state changed, or that have events. Etas: every line,
// in priority order. AvailableBefore is negative when the pool is over-allocated (then nothing was allocated).
public sealed record PoolRunResult(int AvailableBefore, int AvailableAfter, IReadOnlyList<LineChange> Changes, IReadOnlyList<LineEta> Etas)
{
    public bool OverAllocated => AvailableBefore < 0;
}
