using Portal.Domain.Sales;

namespace Portal.Features.Warehouse.Picking;

/// <summary>
/// What a picker takes to the shelves for one order. The customer record holds no address and the stock records no bin,
/// so the ticket names the customer, their reference and the warehouse, and lists SKUs to find.
/// </summary>
/// <param name="NotReleased">Why nothing may be picked (on hold, ship-complete still waiting…); null when the lines are released.</param>
public sealed record PickTicket(
    int OrderId, string CustomerCode, string Customer, string? CustomerReference, string Warehouse, DateTimeOffset PlacedAt,
    DateOnly? RequestedShipDate, bool Expedite, bool ShipComplete, string? NotReleased, IReadOnlyList<PickLine> Lines)
{
    public string OrderNumber => SalesOrder.Format(OrderId);
    public int Units => Lines.Sum(l => l.Allocated);
}
