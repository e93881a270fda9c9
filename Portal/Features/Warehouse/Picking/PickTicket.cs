using Portal.Domain.Sales;

namespace Portal.Features.Warehouse.Picking;

/// <summary>
/// What a picker takes to the shelves for one order: who it goes to and where, and the SKUs to find (the stock records
/// no bin locations, so the ticket has none).
/// </summary>
/// <param name="ShipTo">The customer's shipping address as lines of text; null when none is on file.</param>
/// <param name="NotReleased">Why nothing may be picked (on hold, ship-complete still waiting…); null when the lines are released.</param>
public sealed record PickTicket(
    int OrderId, string CustomerCode, string Customer, string? ShipTo, string? CustomerReference, string Warehouse, DateTimeOffset PlacedAt,
    DateOnly? RequestedShipDate, bool Expedite, bool ShipComplete, string? NotReleased, IReadOnlyList<PickLine> Lines)
{
    public string OrderNumber => SalesOrder.Format(OrderId);
    public int Units => Lines.Sum(l => l.Allocated);
}
