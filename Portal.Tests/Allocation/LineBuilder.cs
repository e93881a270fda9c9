using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// A sales order line in the words of the rules: new LineBuilder(101).Ordered(8).Tier(1).Expedite().
internal sealed class LineBuilder(int orderId, int lineNumber = 1)
{
    private bool _expedite, _shipComplete, _onHold;
    private int _tier = 3, _ordered, _allocated, _shipped, _cancelled;
    private DateOnly? _requested;
    private DateTimeOffset _placed = Day.Placed(9);
    private NotifiedState? _notified;

    public static int IdOf(int orderId, int lineNumber = 1) => orderId * 100 + lineNumber;

    public LineBuilder Ordered(int quantity) { _ordered = quantity; return this; }
    public LineBuilder Allocated(int quantity) { _allocated = quantity; return this; }
    public LineBuilder Shipped(int quantity) { _shipped = quantity; return this; }
    public LineBuilder Cancelled(int quantity) { _cancelled = quantity; return this; }
    public LineBuilder Tier(int tier) { _tier = tier; return this; }
    public LineBuilder Expedite() { _expedite = true; return this; }
    public LineBuilder Requested(DateOnly date) { _requested = date; return this; }
    public LineBuilder Placed(DateTimeOffset at) { _placed = at; return this; }
    public LineBuilder ShipComplete() { _shipComplete = true; return this; }
    public LineBuilder OnHold() { _onHold = true; return this; }
    public LineBuilder Notified(NotifiedState state) { _notified = state; return this; }

    public DemandLine Build() => new(
        IdOf(orderId, lineNumber), orderId, lineNumber, _expedite, _tier, _requested, _placed, _shipComplete, _onHold,
        _ordered, _allocated, _shipped, _cancelled, _notified);
}
