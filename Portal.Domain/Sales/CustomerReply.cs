using Portal.Domain.Common;

namespace Portal.Domain.Sales;

/// <summary>What a customer decided through the link in an email (docs/customer-replies.md).</summary>
public enum CustomerReplyKind
{
    CancelledWaiting,
    AcceptedLaterDate,
    ShipComplete,
    ShipWhatIsReady,
}

/// <summary>
/// One answer a customer gave on their order's page, kept so the rep sees "customer replied" on the order and the
/// Sales home. The change itself went through the order like a rep's change; this row says who asked for it.
/// </summary>
public class CustomerReply : Entity
{
    private CustomerReply() { }

    public CustomerReply(int salesOrderId, int? lineNumber, CustomerReplyKind kind, int quantity, DateOnly? date, DateTimeOffset at)
    {
        SalesOrderId = salesOrderId;
        LineNumber = lineNumber;
        Kind = kind;
        Quantity = quantity;
        Date = date;
        At = at;
    }

    public int SalesOrderId { get; private set; }

    /// <summary>The line the answer is about; null for the whole order (ship complete or what is ready).</summary>
    public int? LineNumber { get; private set; }
    public CustomerReplyKind Kind { get; private set; }

    /// <summary>Units cancelled (all the line had not shipped); 0 for the other answers.</summary>
    public int Quantity { get; private set; }

    /// <summary>The later date the customer accepted.</summary>
    public DateOnly? Date { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The answer in the words the rep and the customer read.</summary>
    public string Describe() => Kind switch
    {
        CustomerReplyKind.CancelledWaiting => $"Cancelled the {Show.Count(Quantity)} units of line {LineNumber} not yet shipped",
        CustomerReplyKind.AcceptedLaterDate => $"Accepted the later date {Show.Date(Date)} for line {LineNumber}",
        CustomerReplyKind.ShipComplete => "Asked to ship the order complete, all at once",
        CustomerReplyKind.ShipWhatIsReady => "Asked to ship what is ready, as it becomes ready",
        _ => Kind.ToString(),
    };
}
