namespace Portal.Features.Sales.OrderEntry;

/// <summary>An order as the rep has typed it so far; nothing is saved until it is created.</summary>
public sealed record OrderDraft(
    int? CustomerId,
    int WarehouseId,
    bool ShipComplete,
    DateOnly? RequestedShipDate,
    string? CustomerReference,
    IReadOnlyList<DraftLine> Lines);

/// <summary>One line of a draft; the line number keys the line's promise while quantities change.</summary>
public sealed record DraftLine(int LineNumber, int ProductId, int Quantity);

public sealed record OrderCustomer(
    int Id, string Code, string Name, int PriorityTier, bool ShipCompleteDefault, bool IsActive, string? Email, bool NotificationsOptOut);

public sealed record OrderProduct(int Id, string Sku, string Name, decimal UnitPrice, string Currency);

public sealed record WarehouseOption(int Id, string Code, string Name);

/// <summary>What the entry page needs before the rep types anything.</summary>
public sealed record OrderEntryStart(IReadOnlyList<WarehouseOption> Warehouses, DateOnly Today);

/// <summary>The new order's id, or why nothing was saved.</summary>
public sealed record CreateOrderResult(int? OrderId, string? Error)
{
    public static CreateOrderResult Refused(string error) => new(null, error);
}
