namespace Portal.Domain.Purchasing;

public enum PurchaseOrderStatus
{
    Open = 0,
    Received = 1,
    Cancelled = 2,
}
