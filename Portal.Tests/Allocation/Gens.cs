using FsCheck;
using FsCheck.Fluent;
using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// Random inputs for the property tests: small pools where ties on every priority key are likely.
internal static class Gens
{
    public static Arbitrary<(DateOnly Start, int Days)> BusinessDayAndCount(BusinessCalendar calendar) =>
        (from offset in Gen.Choose(0, 400)
         from days in Gen.Choose(0, 60)
         select (calendar.AddBusinessDays(Day.Today.AddDays(offset), 0), days)).ToArbitrary();

    /// <summary>Any working week with at least one day, any start date, any count.</summary>
    public static Arbitrary<(WorkWeek Week, DateOnly Start, int Days)> WorkWeekStartAndCount =>
        (from mask in Gen.Choose(1, 127)
         from offset in Gen.Choose(0, 400)
         from days in Gen.Choose(0, 60)
         select (WorkWeek.FromMask(mask), Day.Today.AddDays(offset), days)).ToArbitrary();

    public static Arbitrary<RandomPool> Pools => Pool.Select(p => new RandomPool(p)).ToArbitrary();

    private sealed record OrderKeys(bool Expedite, int Tier, DateOnly? Requested, DateTimeOffset Placed, bool ShipComplete, bool OnHold);

    private static Gen<bool> OneIn(int n) => Gen.Choose(1, n).Select(x => x == 1);

    private static readonly Gen<OrderKeys> Keys =
        from expedite in OneIn(5)
        from tier in Gen.Choose(1, 3)
        from hasDate in OneIn(2)
        from requestedIn in Gen.Choose(0, 4)
        from placedHour in Gen.Choose(8, 10)
        from shipComplete in OneIn(4)
        from onHold in OneIn(6)
        select new OrderKeys(expedite, tier, hasDate ? Day.Today.AddDays(requestedIn) : null, Day.Placed(placedHour),
            shipComplete, onHold);

    private static readonly Gen<NotifiedState?> Told =
        from never in OneIn(2)
        from backordered in Gen.Choose(0, 6)
        from etaIn in Gen.Choose(-1, 30)
        from basis in Gen.Elements(EtaBasis.PurchaseOrder, EtaBasis.LeadTime, EtaBasis.Unknown)
        from shipped in Gen.Choose(0, 2)
        from cancelled in Gen.Choose(0, 2)
        select never ? null : new NotifiedState(backordered, etaIn < 0 ? null : Day.Today.AddDays(etaIn),
            backordered == 0 ? EtaBasis.None : basis, shipped, cancelled);

    // A line without its ids; the order assigns them.
    private static readonly Gen<Func<int, int, OrderKeys, DemandLine>> Line =
        from ordered in Gen.Choose(0, 10)
        from shipped in Gen.Choose(0, ordered)
        from cancelled in Gen.Choose(0, ordered - shipped)
        from allocated in Gen.Choose(0, ordered - shipped - cancelled)
        from told in Told
        select (Func<int, int, OrderKeys, DemandLine>)((orderId, lineNumber, keys) => new DemandLine(
            orderId * 100 + lineNumber, orderId, lineNumber, keys.Expedite, keys.Tier, keys.Requested, keys.Placed,
            keys.ShipComplete, keys.OnHold, ordered, allocated, shipped, cancelled, told));

    // An order without its number: its keys, shared by its 1–3 lines.
    private static readonly Gen<Func<int, DemandLine[]>> Order =
        from keys in Keys
        from count in Gen.Choose(1, 3)
        from lines in Gen.ArrayOf(Line, count)
        select (Func<int, DemandLine[]>)(orderId => lines.Select((line, i) => line(orderId, i + 1, keys)).ToArray());

    private static readonly Gen<SupplyLine> Supply =
        from poId in Gen.Choose(1, 4)
        from lineNumber in Gen.Choose(1, 9)
        from dueIn in Gen.Choose(-10, 40)
        from open in Gen.Choose(-1, 10)
        select new SupplyLine(poId * 100 + lineNumber, poId, Day.Today.AddDays(dueIn), open);

    private static readonly Gen<PoolSnapshot> Pool =
        from orderCount in Gen.Choose(0, 7)
        from orders in Gen.ArrayOf(Order, orderCount)
        from supplyCount in Gen.Choose(0, 4)
        from supply in Gen.ArrayOf(Supply, supplyCount)
        from extra in Gen.Choose(-4, 15)
        from hasLeadTime in Gen.Choose(1, 4).Select(x => x > 1)
        from leadTime in Gen.Choose(0, 15)
        let lines = orders.SelectMany((order, i) => order(i + 1)).ToArray()
        let onHand = Math.Max(0, lines.Sum(l => l.Allocated) + extra)
        select new PoolSnapshot(onHand, lines, supply.ToArray(), hasLeadTime ? leadTime : null);
}
