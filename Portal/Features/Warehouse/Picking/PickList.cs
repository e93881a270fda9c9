using Portal.Domain.Sales;

namespace Portal.Features.Warehouse.Picking;

/// <param name="Search">An order number ("SO-000123" or 123), part of a customer's number or name, or part of a SKU.</param>
/// <param name="ShipBy">
/// Orders the customer wants shipped on or before this day: a requested ship date up to it, or none at all (those ship as
/// soon as possible). Allocated units always ship once picked, so the lines' estimated date says nothing here.
/// </param>
public sealed record PickListFilter(string? Search = null, DateOnly? ShipBy = null);

/// <summary>One order on the pick list, with each of its lines released to the warehouse.</summary>
public sealed record PickOrder(
    int OrderId, string CustomerCode, string Customer, bool Expedite, bool ShipComplete, int PriorityTier,
    DateOnly? RequestedShipDate, DateTimeOffset PlacedAt, IReadOnlyList<PickLine> Lines)
{
    public string OrderNumber => SalesOrder.Format(OrderId);
    public int Units => Lines.Sum(l => l.Allocated);
}

/// <summary>A line's allocated units, all of which the warehouse may pick.</summary>
public sealed record PickLine(int OrderId, int LineNumber, string Sku, string Product, int Allocated)
{
    public string OrderNumber => SalesOrder.Format(OrderId);
}

/// <summary>Columns the pick list sorts on; without one it is the allocation priority order.</summary>
public static class PickListSort
{
    public const string Order = nameof(PickOrder.OrderNumber);
    public const string Customer = nameof(PickOrder.Customer);
    public const string ShipBy = nameof(PickOrder.RequestedShipDate);
}

/// <summary>What happens to the units a partial shipment leaves on the line.</summary>
public enum RestOfLine
{
    /// <summary>They stay reserved for the line and on the pick list.</summary>
    StaysAllocated,

    /// <summary>They go back to stock (with a reason) for the next allocation run to hand out in priority order.</summary>
    ReleasedBack,
}

/// <summary>
/// A shipment the picker confirms: <paramref name="Quantity"/> units of one line leave; <paramref name="AllocatedSeen"/> is
/// what the line held on screen, so a line that changed since is refused rather than shipped or released blind.
/// </summary>
public sealed record ShipLine(int OrderId, int LineNumber, int AllocatedSeen, int Quantity, RestOfLine Rest = RestOfLine.StaysAllocated, string? Reason = null)
{
    public string OrderNumber => SalesOrder.Format(OrderId);
}
