using Portal.Domain.Allocation;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;

namespace Portal.Features.Sales.OrderDetail;

/// <summary>An order as the rep sees it; <see cref="Version"/> goes back with every action to catch stale edits.</summary>
public sealed record OrderDetail(
    int Id,
    int Version,
    OrderStatus Status,
    int CustomerId,
    string CustomerCode,
    string CustomerName,
    int CustomerTier,
    string Warehouse,
    string SalesRep,
    DateTimeOffset PlacedAt,
    DateOnly? RequestedShipDate,
    string? CustomerReference,
    bool ShipComplete,
    bool Expedite,
    string? ExpediteReason,
    bool OnHold,
    string Currency,
    IReadOnlyList<OrderLineDetail> Lines,
    IReadOnlyList<OrderHistoryEntry> History)
{
    public string Number => SalesOrder.Format(Id);

    public bool CanChange => Status is not (OrderStatus.Shipped or OrderStatus.Cancelled);

    /// <summary>Some line's product is marked for allocation: its stock and date will change when the run is done.</summary>
    public bool Reallocating => Lines.Any(l => l.Reallocating);

    public decimal Value => Lines.Sum(l => l.Value);

    public int BackorderedUnits => Lines.Sum(l => l.Backordered);

    /// <summary>A ship-complete order leaves when its last line can: the latest line date, unknown if any is.</summary>
    public DateOnly? CompleteDate
    {
        get
        {
            var open = Lines.Where(l => l.Backordered + l.Allocated > 0).ToList();
            return open.Count == 0 || open.Any(l => l.Eta is null) ? null : open.Max(l => l.Eta);
        }
    }
}

public sealed record OrderLineDetail(
    int LineNumber,
    int ProductId,
    string Sku,
    string Product,
    decimal UnitPrice,
    int Ordered,
    int Allocated,
    int Shipped,
    int Cancelled,
    int Backordered,
    LineStatus Status,
    DateOnly? Eta,
    EtaBasis EtaBasis,
    bool EtaOverdue,
    int? EtaPurchaseOrderId,
    string? EtaNote,
    string? AllocationNote,
    bool Reallocating = false)
{
    public decimal Value => UnitPrice * (Ordered - Cancelled);

    public string? CoveringPurchaseOrder => EtaPurchaseOrderId is { } id ? PurchaseOrder.Format(id) : null;

    /// <summary>Waiting for an allocation run that has not happened yet (a fresh change, or the scheduler is behind).</summary>
    public bool AwaitingProjection => Backordered + Allocated > 0 && EtaBasis == EtaBasis.None;

    /// <summary>Units not yet shipped or cancelled: what may still be cancelled.</summary>
    public int Unshipped => Ordered - Shipped - Cancelled;

    /// <summary>The lowest quantity the line may be changed to: what already shipped or was cancelled.</summary>
    public int MinimumQuantity => Math.Max(1, Shipped + Cancelled);
}

public sealed record OrderHistoryEntry(DateTimeOffset At, string User, string Action, string? Details);
