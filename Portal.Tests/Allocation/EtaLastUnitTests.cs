using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/ship-dates.md#line-and-order-dates: a line's ETA is the date of its last unit; a ship-complete order's ETA is the latest of its lines.
public class EtaLastUnitTests
{
    [Fact]
    public void Line_with_allocated_and_backordered_units_gets_the_date_of_its_last_unit()
    {
        // 5 of 8 allocated (would ship Thursday Nov 19); the other 3 wait for PO-900: Dec 1 + 2 = Thursday Dec 3.
        var eta = Eta.Project(PoolBuilder.OnHand(5).Line(101, 8, l => l.Allocated(5)).Po(900, Day.Dec(1), 10)).Line(101);

        Assert.Equal(Day.Dec(3), eta.EtaDate);
        Assert.Equal(EtaBasis.PurchaseOrder, eta.Basis);
        Assert.Equal(5, eta.AllocatedQuantity);
        Assert.Equal(3, eta.BackorderedQuantity);
    }

    [Fact]
    public void Ship_complete_order_eta_is_the_latest_line_eta_across_pools()
    {
        // Line 1 is allocated in pool A (Thursday Nov 19); line 2 waits for PO-900 in pool B (Thursday Dec 3).
        var line1 = Eta.Project(PoolBuilder.OnHand(5).Line(101, 1, 5, l => l.Allocated(5).ShipComplete())).Line(101, 1);
        var line2 = Eta.Project(PoolBuilder.OnHand(0).Line(101, 2, 3, l => l.ShipComplete()).Po(900, Day.Dec(1), 3)).Line(101, 2);
        var shipped = Eta.Project(PoolBuilder.OnHand(0).Line(101, 3, 3, l => l.Shipped(3).ShipComplete())).Line(101, 3);

        Assert.Equal(Day.Dec(3), OrderEta.ShipCompleteDate([line1, line2, shipped]));
    }

    [Fact]
    public void Ship_complete_order_eta_is_unknown_when_any_line_is_unknown()
    {
        var known = Eta.Project(PoolBuilder.OnHand(5).Line(101, 1, 5, l => l.Allocated(5))).Line(101, 1);
        var unknown = Eta.Project(PoolBuilder.OnHand(0).Line(101, 2, 3)).Line(101, 2);

        Assert.Null(OrderEta.ShipCompleteDate([known, unknown]));
    }
}
