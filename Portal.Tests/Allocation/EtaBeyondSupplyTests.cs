using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/ship-dates.md#no-purchase-order-yet: quantity beyond all open supply ships today + LeadTimeDays + ReceivingDays + PickDays,
// flagged "no purchase order yet"; with no lead time the ETA is unknown and says so.
public class EtaBeyondSupplyTests
{
    [Fact]
    public void Quantity_beyond_all_supply_waits_for_the_supplier_lead_time()
    {
        // Wednesday 18 + 10 + 1 + 1 = 12 business days: Thu 19 (1), Fri 20, Mon 23, Tue 24, Wed 25 (5),
        // [Thu 26, Fri 27 holidays], Mon 30 (6), Tue Dec 1, Wed 2, Thu 3, Fri 4 (10), Mon 7 (11), Tue Dec 8 (12).
        var eta = Eta.Project(PoolBuilder.OnHand(0).Line(101, 5).LeadTime(10)).Line(101);

        Assert.Equal(Day.Dec(8), eta.EtaDate);
        Assert.Equal(EtaBasis.LeadTime, eta.Basis);
        Assert.Equal(5, eta.UncoveredQuantity);
        Assert.Null(eta.CoveringPoId);
        Assert.Equal("No purchase order yet: supplier lead time 10 business days (+1 receiving, +1 pick day)", eta.Explanation);
    }

    [Fact]
    public void Line_partly_covered_by_a_po_gets_the_lead_time_date_for_its_last_unit()
    {
        // PO-900 covers 4 of 6; the last 2 wait for the lead time → Tuesday Dec 8 as above.
        var eta = Eta.Project(PoolBuilder.OnHand(0).Line(101, 6).Po(900, Day.Dec(1), 4).LeadTime(10)).Line(101);

        Assert.Equal(Day.Dec(8), eta.EtaDate);
        Assert.Equal(EtaBasis.LeadTime, eta.Basis);
        Assert.Equal(2, eta.UncoveredQuantity);
        Assert.Equal("No purchase order yet for 2 of 6: supplier lead time 10 business days (+1 receiving, +1 pick day)", eta.Explanation);
    }

    [Fact]
    public void Without_a_lead_time_the_eta_is_unknown_and_says_why()
    {
        var etas = Eta.Project(PoolBuilder.OnHand(0).Line(101, 2, l => l.Tier(1)).Line(102, 5, l => l.Tier(2)).Po(900, Day.Dec(1), 4));

        // SO-101's 2 fit PO-900; SO-102 needs 5 but only 2 are left on PO-900.
        Assert.Equal(EtaBasis.PurchaseOrder, etas.Line(101).Basis);
        Assert.Null(etas.Line(102).EtaDate);
        Assert.Equal(EtaBasis.Unknown, etas.Line(102).Basis);
        Assert.Equal("Unknown: no purchase order for 3 of 5 and no supplier lead time", etas.Line(102).Explanation);
        Assert.Equal("Unknown: no purchase order and no supplier lead time",
            Eta.Project(PoolBuilder.OnHand(0).Line(101, 2)).Line(101).Explanation);
    }

    [Fact]
    public void Lead_time_date_is_never_before_the_last_po_that_reaches_orders_ahead()
    {
        // PO-950 is due Monday 2027-02-01 for SO-101: + 2 → Wednesday 2027-02-03.
        // SO-102 is beyond all supply: the lead-time date (Tuesday Dec 8) would jump the queue, so it waits for Feb 3 too.
        var etas = Eta.Project(PoolBuilder.OnHand(0)
            .Line(101, 2, l => l.Tier(1))
            .Line(102, 1, l => l.Tier(2))
            .Po(950, new DateOnly(2027, 2, 1), 2)
            .LeadTime(10));

        Assert.Equal(new DateOnly(2027, 2, 3), etas.Line(101).EtaDate);
        Assert.Equal(new DateOnly(2027, 2, 3), etas.Line(102).EtaDate);
        Assert.Equal(EtaBasis.LeadTime, etas.Line(102).Basis);
        Assert.True(etas.Line(102).QueuedBehindSupply);
        Assert.EndsWith("and not before the open purchase orders reach the orders ahead", etas.Line(102).Explanation);
    }
}
