using Portal.Domain.Purchasing;

namespace Portal.Features.Purchasing.PurchaseOrders;

/// <summary>One purchase order: its header, every line (open or not) and its history, newest first.</summary>
public sealed record PurchaseOrderDetail(
    int Id, int Version, string Supplier, string Warehouse, PurchaseOrderStatus Status, string CreatedBy, DateTimeOffset CreatedAt,
    IReadOnlyList<PoLineRow> Lines, IReadOnlyList<PoHistoryEntry> History)
{
    public string Number => PurchaseOrder.Format(Id);
    public int Open => Lines.Sum(l => l.Open);
    public decimal Total => Lines.Sum(l => l.Total);
}

/// <summary>One audit row filed under a purchase order.</summary>
public sealed record PoHistoryEntry(DateTimeOffset At, string User, string Action, string? Details);
