using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// One product in one warehouse: Pool.OnHand(10).Line(101, 8, l => l.Tier(1)).Po(812, Day.Dec(3), 10).Build().
internal sealed class PoolBuilder
{
    private readonly int _onHand;
    private readonly List<DemandLine> _lines = [];
    private readonly List<SupplyLine> _supply = [];
    private readonly List<OrderElsewhere> _elsewhere = [];
    private int? _leadTime;

    private PoolBuilder(int onHand) => _onHand = onHand;

    public static PoolBuilder OnHand(int quantity) => new(quantity);

    public PoolBuilder Line(int orderId, int ordered, Func<LineBuilder, LineBuilder>? shape = null) =>
        Line(orderId, 1, ordered, shape);

    public PoolBuilder Line(int orderId, int lineNumber, int ordered, Func<LineBuilder, LineBuilder>? shape = null)
    {
        var builder = new LineBuilder(orderId, lineNumber).Ordered(ordered);
        _lines.Add((shape?.Invoke(builder) ?? builder).Build());
        return this;
    }

    public PoolBuilder Line(DemandLine line) { _lines.Add(line); return this; }

    // PO line ids are PoId * 100 + line number.
    public PoolBuilder Po(int poId, DateOnly due, int openQuantity, int lineNumber = 1)
    {
        _supply.Add(new SupplyLine(poId * 100 + lineNumber, poId, due, openQuantity));
        return this;
    }

    public PoolBuilder LeadTime(int businessDays) { _leadTime = businessDays; return this; }

    public PoolBuilder Elsewhere(int orderId, bool was, bool isNow)
    {
        _elsewhere.Add(new OrderElsewhere(orderId, was, isNow));
        return this;
    }

    public PoolSnapshot Build() => new(_onHand, _lines.ToArray(), _supply.ToArray(), _leadTime, _elsewhere.ToArray());
}
