using Portal.Domain.Allocation;

namespace Portal.Tests.Allocation;

// docs/allocation.md#priority. Each test offers 5 units to two lines of 5, tied on every key before the one under test,
// so the winner gets all 5 and the other none.
public class PriorityOrderTests
{
    private static AllocationResult FiveUnitsFor(PoolBuilder pool) => Allocator.Allocate(pool.Build());

    [Fact]
    public void Expedited_line_is_filled_before_higher_tier()
    {
        var result = FiveUnitsFor(PoolBuilder.OnHand(5)
            .Line(101, 5, l => l.Tier(1))
            .Line(102, 5, l => l.Tier(3).Expedite()));

        Assert.Equal(5, result.Line(102).Added);
        Assert.Equal(0, result.Line(101).Added);
        Assert.Equal("Got 5 of 5 from 5 available; ahead of SO-000101 line 1 because it is marked expedite",
            result.Line(102).Explanation);
        Assert.Equal("Waiting: 5 units went to higher-priority orders (SO-000102 line 1 is ahead because it is marked expedite)",
            result.Line(101).Explanation);
    }

    [Fact]
    public void Higher_tier_is_filled_before_an_earlier_requested_date()
    {
        var result = FiveUnitsFor(PoolBuilder.OnHand(5)
            .Line(101, 5, l => l.Tier(2).Requested(Day.Nov(20)))
            .Line(102, 5, l => l.Tier(1).Requested(Day.Dec(15))));

        Assert.Equal(5, result.Line(102).Added);
        Assert.Contains("because customer tier 1 comes before tier 2", result.Line(102).Explanation);
    }

    [Fact]
    public void Earlier_requested_date_is_filled_first_on_equal_tier_even_if_placed_later()
    {
        var result = FiveUnitsFor(PoolBuilder.OnHand(5)
            .Line(101, 5, l => l.Requested(Day.Dec(1)).Placed(Day.Placed(9)))
            .Line(102, 5, l => l.Requested(Day.Nov(25)).Placed(Day.Placed(15))));

        Assert.Equal(5, result.Line(102).Added);
        Assert.Contains("because requested ship date Wed 25 Nov 2026 comes before Tue 1 Dec 2026", result.Line(102).Explanation);
    }

    [Fact]
    public void Line_without_requested_date_comes_after_a_line_with_one()
    {
        var result = FiveUnitsFor(PoolBuilder.OnHand(5)
            .Line(101, 5, l => l.Placed(Day.Placed(8)))
            .Line(102, 5, l => l.Requested(Day.Dec(31)).Placed(Day.Placed(16))));

        Assert.Equal(5, result.Line(102).Added);
        Assert.Contains("because it asks for Thu 31 Dec 2026 and the other line gives no requested date", result.Line(102).Explanation);
    }

    [Fact]
    public void Earlier_placed_order_is_filled_first_when_tier_and_date_tie()
    {
        var result = FiveUnitsFor(PoolBuilder.OnHand(5)
            .Line(101, 5, l => l.Placed(Day.Placed(10)))
            .Line(102, 5, l => l.Placed(Day.Placed(9, 30))));

        Assert.Equal(5, result.Line(102).Added);
        Assert.Contains("because it was placed earlier (Sun 1 Nov 2026 09:30 UTC, the other Sun 1 Nov 2026 10:00 UTC)",
            result.Line(102).Explanation);
    }

    [Fact]
    public void Placed_times_compare_as_instants_whatever_their_offset()
    {
        // 11:00 at UTC+1 is 10:00 UTC, the same instant as 101's 10:00 UTC: the order number decides.
        var sameInstant = new DateTimeOffset(2026, 11, 1, 11, 0, 0, TimeSpan.FromHours(1));
        var result = FiveUnitsFor(PoolBuilder.OnHand(5)
            .Line(102, 5, l => l.Placed(sameInstant))
            .Line(101, 5, l => l.Placed(Day.Placed(10))));

        Assert.Equal(5, result.Line(101).Added);
    }

    [Fact]
    public void Lower_order_number_is_filled_first_when_placed_at_the_same_time()
    {
        var result = FiveUnitsFor(PoolBuilder.OnHand(5)
            .Line(102, 5)
            .Line(101, 5));

        Assert.Equal(5, result.Line(101).Added);
        Assert.Contains("because both were placed at the same time and order SO-000101 comes first", result.Line(101).Explanation);
    }

    [Fact]
    public void Lower_line_number_is_filled_first_within_one_order()
    {
        var result = FiveUnitsFor(PoolBuilder.OnHand(5)
            .Line(101, 2, 5)
            .Line(101, 1, 5));

        Assert.Equal(5, result.Line(101, 1).Added);
        Assert.Equal(0, result.Line(101, 2).Added);
        Assert.Contains("because line 1 comes before line 2 on the same order", result.Line(101, 1).Explanation);
    }

    [Theory]
    [InlineData("expedite", PriorityKey.Expedite)]
    [InlineData("tier", PriorityKey.Tier)]
    [InlineData("requested", PriorityKey.RequestedShipDate)]
    [InlineData("placed", PriorityKey.PlacedAt)]
    [InlineData("order", PriorityKey.OrderNumber)]
    [InlineData("line", PriorityKey.LineNumber)]
    [InlineData("nothing", PriorityKey.None)]
    public void Deciding_key_is_the_first_key_that_differs(string differsIn, PriorityKey expected)
    {
        // Two lines tied on every key except the one named, which is ahead-first.
        var ahead = new LineBuilder(101).Ordered(1).Tier(2).Requested(Day.Dec(1));
        var behind = differsIn switch
        {
            "expedite" => new LineBuilder(101).Ordered(1).Tier(2).Requested(Day.Dec(1)),
            "tier" => new LineBuilder(101).Ordered(1).Tier(3).Requested(Day.Dec(1)),
            "requested" => new LineBuilder(101).Ordered(1).Tier(2),
            "placed" => new LineBuilder(101).Ordered(1).Tier(2).Requested(Day.Dec(1)).Placed(Day.Placed(12)),
            "order" => new LineBuilder(102).Ordered(1).Tier(2).Requested(Day.Dec(1)),
            "line" => new LineBuilder(101, 2).Ordered(1).Tier(2).Requested(Day.Dec(1)),
            _ => new LineBuilder(101).Ordered(1).Tier(2).Requested(Day.Dec(1)),
        };
        if (differsIn == "expedite") ahead.Expedite();

        var a = ahead.Build();
        var b = behind.Build();
        Assert.Equal(expected, PriorityOrder.DecidingKey(a, b));
        Assert.Equal(expected, PriorityOrder.DecidingKey(b, a));
        if (expected != PriorityKey.None)
        {
            Assert.True(PriorityOrder.Compare(a, b) < 0);
            Assert.True(PriorityOrder.Compare(b, a) > 0);
        }
    }
}
