using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/ship-dates.md#allocated-units: allocated, unshipped quantity ships today + PickDays business days.
public class EtaAllocatedTests
{
    [Fact]
    public void Allocated_quantity_ships_after_the_pick_days()
    {
        // Wednesday 18 + 1 pick day = Thursday 19.
        var eta = Eta.Project(PoolBuilder.OnHand(5).Line(101, 5, l => l.Allocated(5))).Line(101);

        Assert.Equal(Day.Nov(19), eta.EtaDate);
        Assert.Equal(EtaBasis.Allocated, eta.Basis);
        Assert.Equal(5, eta.AllocatedQuantity);
        Assert.Equal("In stock: ships once picked (+1 pick day)", eta.Explanation);
    }

    [Fact]
    public void Pick_days_skip_the_weekend()
    {
        // Friday 20 + 2 pick days: Monday 23 (1), Tuesday 24 (2).
        var eta = Eta.Project(PoolBuilder.OnHand(5).Line(101, 5, l => l.Allocated(5)), new EtaSettings(PickDays: 2), Day.Nov(20)).Line(101);

        Assert.Equal(Day.Nov(24), eta.EtaDate);
        Assert.Equal("In stock: ships once picked (+2 pick days)", eta.Explanation);
    }

    [Fact]
    public void Pick_days_skip_holidays()
    {
        // Wednesday 25 + 1: Thursday 26 and Friday 27 are holidays, then the weekend → Monday 30.
        var eta = Eta.Project(PoolBuilder.OnHand(5).Line(101, 5, l => l.Allocated(5)), today: Day.Nov(25)).Line(101);

        Assert.Equal(Day.Nov(30), eta.EtaDate);
    }

    [Fact]
    public void Zero_pick_days_on_a_Saturday_still_give_a_business_day()
    {
        // Saturday 21 + 0 rolls forward to Monday 23: a ship date is always a business day.
        var eta = Eta.Project(PoolBuilder.OnHand(5).Line(101, 5, l => l.Allocated(5)), new EtaSettings(PickDays: 0), Day.Nov(21)).Line(101);

        Assert.Equal(Day.Nov(23), eta.EtaDate);
    }

    [Fact]
    public void Shipped_or_cancelled_line_with_nothing_open_has_no_eta()
    {
        var etas = Eta.Project(PoolBuilder.OnHand(0)
            .Line(101, 5, l => l.Shipped(5))
            .Line(102, 5, l => l.Shipped(2).Cancelled(3)));

        Assert.All(etas, e => Assert.Equal(EtaBasis.None, e.Basis));
        Assert.All(etas, e => Assert.Null(e.EtaDate));
        Assert.Equal("Nothing left to ship", etas.Line(101).Explanation);
    }
}
