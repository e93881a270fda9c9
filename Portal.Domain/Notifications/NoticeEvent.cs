using Portal.Domain.Allocation;

namespace Portal.Domain.Notifications;

/// <summary>One change to one line that the customer should hear about.</summary>
public class NoticeEvent
{
    private NoticeEvent() { }

    public NoticeEvent(
        int salesOrderLineId, NoticeKind kind, int quantity, DateOnly? etaDate, string? note, DateTimeOffset occurredAt,
        DateOnly? previousEtaDate = null)
    {
        SalesOrderLineId = salesOrderLineId;
        Kind = kind;
        Quantity = quantity;
        EtaDate = etaDate;
        Note = note is { Length: > 300 } ? note[..300] : note;
        OccurredAt = occurredAt;
        PreviousEtaDate = previousEtaDate;
    }

    public int Id { get; private set; }
    public int CustomerNoticeId { get; private set; }
    public int SalesOrderLineId { get; private set; }
    public NoticeKind Kind { get; private set; }
    public int Quantity { get; private set; }
    public DateOnly? EtaDate { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>For a date change: the date the customer was told before; null when that was an unknown date.</summary>
    public DateOnly? PreviousEtaDate { get; private set; }
}
