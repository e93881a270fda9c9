namespace Portal.Domain.Sales;

public enum OrderStatus
{
    Open = 0,
    OnHold = 1,
    PartiallyShipped = 2,
    Shipped = 3,
    Cancelled = 4,
}

public enum LineStatus
{
    Backordered,
    PartiallyAllocated,
    Allocated,
    PartiallyShipped,
    Shipped,
    Cancelled,
}
