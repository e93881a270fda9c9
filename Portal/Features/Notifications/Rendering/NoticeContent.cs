using Portal.Domain.Allocation;
using Portal.Domain.Sales;

namespace Portal.Features.Notifications.Rendering;

/// <summary>What one email tells the customer: the order and the latest state of each affected line.</summary>
/// <param name="CompanyName">Signs the email (Admin → Settings); null: unsigned.</param>
public sealed record NoticeContent(int SalesOrderId, string CustomerName, string? CustomerReference, IReadOnlyList<NoticeLine> Lines, string? CompanyName = null)
{
    public string OrderNumber => SalesOrder.Format(SalesOrderId);
}

public sealed record NoticeLine(
    int LineNumber,
    string Sku,
    string ProductName,
    int Ordered,
    int Allocated,
    int Shipped,
    int Cancelled,
    int Backordered,
    LineStatus Status,
    DateOnly? EtaDate,
    EtaBasis EtaBasis,
    string? EtaNote)
{
    public static NoticeLine Of(SalesOrderLine line, string sku, string productName, ShipDatesToday shipDates) => new(
        line.LineNumber, sku, productName, line.Ordered, line.Allocated, line.Shipped, line.Cancelled, line.Backordered,
        line.Status, StoredEta.FromStore(line.EtaDate, line.EtaBasis, line.EtaOverdue, shipDates), line.EtaBasis, line.EtaNote);

    /// <summary>Nothing left to ship: no date to promise.</summary>
    public bool IsClosed => Allocated == 0 && Backordered == 0;

    /// <summary>Units still wait and nobody can say when they come.</summary>
    public bool EtaUnknown => Backordered > 0 && (EtaBasis == EtaBasis.Unknown || EtaDate is null);
}
