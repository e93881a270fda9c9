using Portal.Domain.Purchasing;

namespace Portal.Features.Purchasing.PurchaseOrders;

/// <summary>One purchase order line as the lists and the detail page show it, with the order's version for edits.</summary>
public sealed record PoLineRow(
    int PurchaseOrderId, int Version, int LineNumber, string Supplier, string Sku, string Product, int Ordered, int Received, int Cancelled,
    DateOnly ExpectedDate, PurchaseOrderStatus Status, decimal UnitCost)
{
    public string Number => PurchaseOrder.Format(PurchaseOrderId);
    public int Open => Ordered - Received - Cancelled;

    /// <summary>What is bought on this line: every unit not cancelled, at its unit cost.</summary>
    public decimal Total => (Ordered - Cancelled) * UnitCost;

    /// <summary>Only an open line of an open order can still be moved, shortened or cancelled.</summary>
    public bool CanChange => Status == PurchaseOrderStatus.Open && Open > 0;

    public bool IsOverdue(DateOnly today) => PurchaseOrderLine.IsOverdue(ExpectedDate, Open, today);
}

/// <summary>Which purchase orders the list shows: open lines of open orders (the working list), or orders that are done.</summary>
public enum PoStatusFilter
{
    Open,
    Received,
    Cancelled,
    All,
}
