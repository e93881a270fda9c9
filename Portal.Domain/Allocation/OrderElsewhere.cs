namespace Portal.Domain.Allocation;

// The lines of a ship-complete order that live in other pools, summarised by the caller, so a pool run can tell
// when the whole order becomes allocated. Was: as last notified; Is: as stored now.
public sealed record OrderElsewhere(int OrderId, bool WasFullyAllocated, bool IsFullyAllocated);
