namespace Portal.Domain.Allocation;

// Priority order for a promise preview (docs/ship-dates.md#order-entry-preview): an unsaved line ranks last within its
// priority class (expedite, tier, requested date), behind every existing line with equal keys whatever their placed
// times, so the promise never relies on jumping a queue it has not joined yet. Unsaved lines keep their line order.
internal sealed class LastInClassComparer(DemandLine[] unsaved) : IComparer<DemandLine>
{
    public int Compare(DemandLine? a, DemandLine? b)
    {
        var sign = PriorityOrder.CompareClass(a!, b!, out _);
        if (sign != 0) return sign;
        bool aNew = IsUnsaved(a!), bNew = IsUnsaved(b!);
        if (aNew && bNew) return a!.LineNumber.CompareTo(b!.LineNumber);
        if (aNew != bNew) return aNew ? 1 : -1;
        return PriorityOrder.Compare(a!, b!);
    }

    private bool IsUnsaved(DemandLine line)
    {
        foreach (var u in unsaved)
            if (ReferenceEquals(u, line)) return true;
        return false;
    }
}
