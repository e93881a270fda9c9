using Portal.Domain.Allocation;
using Portal.Domain.Notifications;
using Portal.Domain.Sales;

namespace Portal.Features.Notifications.Rendering;

/// <summary>What one email tells the customer: the order, and the latest state and the news of each affected line.</summary>
/// <param name="CompanyName">Signs the email (Admin → Settings); null: unsigned.</param>
/// <param name="OrderLink">The customer's signed link to the order's page, until <paramref name="LinkExpires"/>; null: none.</param>
/// <param name="Replies">What the customer chose on that page since the last email, in their words.</param>
public sealed record NoticeContent(
    int SalesOrderId, string CustomerName, string? CustomerReference, IReadOnlyList<NoticeLine> Lines, string? CompanyName = null,
    string? OrderLink = null, DateTimeOffset? LinkExpires = null, IReadOnlyList<string>? Replies = null)
{
    public IReadOnlyList<string> RepliesOrNone => Replies ?? [];

    public bool AsksAboutDates => Lines.Any(l => l.AsksToAccept);

    public string OrderNumber => SalesOrder.Format(SalesOrderId);

    /// <summary>" (your reference PO-4711)", or nothing when the order has none.</summary>
    public string YourReference => CustomerReference is { } reference ? $" (your reference {reference})" : "";
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
    string? EtaNote,
    LineNews News,
    int LineId = 0,
    bool AsksToAccept = false)
{
    public static NoticeLine Of(
        SalesOrderLine line, string sku, string productName, ShipDatesToday shipDates, IEnumerable<NoticeEvent> events)
    {
        var state = new NoticeLine(line.LineNumber, sku, productName, line.Ordered, line.Allocated, line.Shipped, line.Cancelled,
            line.Backordered, line.Status, StoredEta.FromStore(line.EtaDate, line.EtaBasis, line.EtaOverdue, shipDates), line.EtaBasis,
            line.EtaNote, LineNews.None, line.Id);
        return state with { News = LineNews.From(events, state) };
    }

    /// <summary>Nothing left to ship: no date to promise.</summary>
    public bool IsClosed => Allocated == 0 && Backordered == 0;

    /// <summary>Units still wait and nobody can say when they come.</summary>
    public bool EtaUnknown => Backordered > 0 && (EtaBasis == EtaBasis.Unknown || EtaDate is null);

    /// <summary>The date the email gives; null when it is unknown (or nothing is left to ship).</summary>
    public DateOnly? PromisedDate => IsClosed || EtaUnknown ? null : EtaDate;
}
