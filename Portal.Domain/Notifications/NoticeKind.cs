namespace Portal.Domain.Notifications;

public enum NoticeKind
{
    Backordered,
    EtaMoved,
    EtaUnknown,
    ReadyToShip,
    Shipped,
    BackorderCancelled,
}
