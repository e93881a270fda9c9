using Portal.Domain.Sales;

namespace Portal.Features.Sales.Orders;

public enum OrderStatusFilter
{
    /// <summary>Open, on hold or partially shipped: what a rep still works on.</summary>
    Active,
    All,
    Open,
    OnHold,
    PartiallyShipped,
    Shipped,
    Cancelled,
}

/// <summary>The orders list's filters; placed dates are calendar days in UTC, both ends included.</summary>
public sealed record OrderFilter(
    OrderStatusFilter Status = OrderStatusFilter.Active,
    int? CustomerId = null,
    string? SalesRep = null,
    bool BackorderedOnly = false,
    DateOnly? PlacedFrom = null,
    DateOnly? PlacedTo = null);

public sealed record OrderListRow(
    int Id,
    DateTimeOffset PlacedAt,
    int CustomerId,
    string CustomerCode,
    string CustomerName,
    string SalesRep,
    OrderStatus Status,
    bool Expedite,
    bool ShipComplete,
    DateOnly? RequestedShipDate,
    int Lines,
    int BackorderedUnits,
    decimal Value,
    DateOnly? LatestEta)
{
    public string Number => SalesOrder.Format(Id);
}

/// <summary>Columns the list sorts on; each maps to an indexed column or a cheap one.</summary>
public static class OrderSort
{
    public const string Number = nameof(OrderListRow.Number);
    public const string PlacedAt = nameof(OrderListRow.PlacedAt);
    public const string Customer = nameof(OrderListRow.CustomerName);
    public const string Status = nameof(OrderListRow.Status);
    public const string Rep = nameof(OrderListRow.SalesRep);
    public const string Requested = nameof(OrderListRow.RequestedShipDate);
}
