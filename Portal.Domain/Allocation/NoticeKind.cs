namespace Portal.Domain.Allocation;

public enum NoticeKind
{
    Backordered,
    EtaMoved,
    EtaUnknown,
    ReadyToShip,
    Shipped,
    BackorderCancelled,

    // Not decided by a run: queued by the customer's own page (docs/customer-replies.md#confirmations).
    /// <summary>The customer answered through their link; the event's note says what they chose.</summary>
    CustomerReply,

    /// <summary>The customer asked for a fresh link to their order's page.</summary>
    LinkRequested,
}
