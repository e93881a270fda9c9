namespace Portal.Domain.Allocation;

// Whole-order context for the ReadyToShip notice of a ship-complete order: was every line fully allocated as last
// notified, and is it now. A partial-ship order needs none of it.
public sealed record OrderReadiness(bool ShipComplete, bool WasFullyAllocated, bool IsFullyAllocated)
{
    public static readonly OrderReadiness PartialShip = new(false, false, false);
}
