using Portal.Domain.Allocation;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;

namespace Portal.Features.Sales.Backorders;

/// <summary>The backorders board's filters. ETA dates include both ends; "no PO yet" means no open purchase order covers the line.</summary>
public sealed record BackorderFilter(
    string? SalesRep = null,
    int? CustomerId = null,
    int? ProductId = null,
    DateOnly? EtaFrom = null,
    DateOnly? EtaTo = null,
    bool NoPurchaseOrder = false);

public sealed record BackorderRow(
    int OrderId,
    int LineNumber,
    int CustomerId,
    string CustomerCode,
    string CustomerName,
    string Sku,
    string Product,
    int Backordered,
    DateTimeOffset PlacedAt,
    int AgeDays,
    DateOnly? Eta,
    EtaBasis EtaBasis,
    bool EtaOverdue,
    decimal UnitPrice,
    int? PurchaseOrderId,
    string? EtaNote,
    string SalesRep)
{
    public string OrderNumber => SalesOrder.Format(OrderId);

    /// <summary>Value at risk: backordered units × the line's unit price (docs/quantities-and-states.md#figures).</summary>
    public decimal Value => Backordered * UnitPrice;

    public string? PurchaseOrderNumber => PurchaseOrderId is { } id ? PurchaseOrder.Format(id) : null;
}

/// <summary>Columns the board sorts on.</summary>
public static class BackorderSort
{
    public const string Customer = nameof(BackorderRow.CustomerName);
    public const string Order = nameof(BackorderRow.OrderNumber);
    public const string Product = nameof(BackorderRow.Sku);
    public const string Quantity = nameof(BackorderRow.Backordered);
    public const string Age = nameof(BackorderRow.AgeDays);
    public const string Eta = nameof(BackorderRow.Eta);
    public const string Value = nameof(BackorderRow.Value);
    public const string PurchaseOrder = nameof(BackorderRow.PurchaseOrderNumber);
}
