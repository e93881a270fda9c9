namespace Portal.Domain.Allocation;

public enum NoticeKind
{
    Backordered,
    EtaMoved,
    EtaUnknown,
    ReadyToShip,
    Shipped,
    BackorderCancelled,
}
