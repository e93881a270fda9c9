using Portal.Domain.Allocation;
using Portal.Domain.Common;
using Portal.Domain.Sales;

namespace Portal.Features.Sales.Common;

/// <summary>How Sales pages name statuses and ETA bases, in one place so every page says them the same way (dates: Show).</summary>
public static class SalesText
{
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.OnHold => "On hold",
        OrderStatus.PartiallyShipped => "Partially shipped",
        _ => status.ToString(),
    };

    public static string Status(LineStatus status) => status switch
    {
        LineStatus.PartiallyAllocated => "Partially allocated",
        LineStatus.PartiallyShipped => "Partially shipped",
        _ => status.ToString(),
    };

    public static string Basis(EtaBasis basis) => basis switch
    {
        EtaBasis.Allocated => "In stock",
        EtaBasis.PurchaseOrder => "Purchase order",
        EtaBasis.LeadTime => $"Lead time ({Show.NoPurchaseOrderYet})",
        EtaBasis.Unknown => "Unknown",
        _ => "",
    };
}
