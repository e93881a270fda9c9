using System.Globalization;
using Portal.Domain.Allocation;
using Portal.Domain.Sales;

namespace Portal.Features.Sales.Common;

/// <summary>How Sales pages say statuses and dates, in one place so every page says them the same way.</summary>
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
        EtaBasis.LeadTime => "Lead time (no PO yet)",
        EtaBasis.Unknown => "Unknown",
        _ => "",
    };

    public static string Day(DateOnly? date) =>
        date?.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Without the weekday, for grid columns.</summary>
    public static string ShortDay(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
