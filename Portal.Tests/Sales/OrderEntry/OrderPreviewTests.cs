using Portal.Domain.Allocation;
using Portal.Features.Sales.OrderEntry;

namespace Portal.Tests.Sales.OrderEntry;

/// <summary>The sentence a rep reads out for the whole order.</summary>
public sealed class OrderPreviewTests
{
    private static readonly DateOnly Tuesday24 = new(2026, 11, 24);

    [Fact]
    public void Summary_says_what_ships_now_and_when_the_rest_follows()
    {
        var preview = new OrderPreview([Line(1, 4, 4, Tuesday24), Line(2, 6, 0, new DateOnly(2026, 12, 1))], false, Tuesday24, new DateOnly(2026, 12, 1), null);

        Assert.Equal("4 units ship by Tue 24 Nov 2026; the other 6 by Tue 1 Dec 2026.", preview.Summary);
    }

    [Fact]
    public void Summary_names_the_line_whose_date_is_unknown()
    {
        var preview = new OrderPreview([Line(1, 4, 4, Tuesday24), Line(2, 6, 0, null)], false, Tuesday24, null, null);

        Assert.Equal("4 units ship by Tue 24 Nov 2026; the other 6 on a date that is unknown (line 2 has no purchase order and no supplier lead time).", preview.Summary);
    }

    [Fact]
    public void A_promise_later_than_the_requested_date_is_flagged()
    {
        var preview = new OrderPreview([Line(1, 6, 0, new DateOnly(2026, 12, 1))], true, Tuesday24, new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 30));

        Assert.True(preview.MissesRequestedDate);
        Assert.Equal("Ships complete by Tue 1 Dec 2026.", preview.Summary);
    }

    private static LinePreview Line(int number, int quantity, int shipsNow, DateOnly? date) =>
        new(number, quantity, 0, 0, 0, 0, 0, [], shipsNow, date, date is null ? EtaBasis.Unknown : EtaBasis.PurchaseOrder, null, "");
}
