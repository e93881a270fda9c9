namespace Portal.Features.Sales.OrderEntry;

/// <summary>How the order being entered ships, as the rep sets it beside the lines: page state for <see cref="OrderTermsPanel"/>.</summary>
public sealed class EntryTerms
{
    public int WarehouseId { get; set; }
    public bool ShipComplete { get; set; }
    public DateOnly? RequestedShipDate { get; set; }
    public string? CustomerReference { get; set; }
}
