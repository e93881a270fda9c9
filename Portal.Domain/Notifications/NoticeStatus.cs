namespace Portal.Domain.Notifications;

public enum NoticeStatus
{
    /// <summary>Waiting for its quiet window to end or for the next delivery attempt.</summary>
    Pending = 0,
    Sent = 1,

    /// <summary>Gave up after the last retry; an Admin can send it again.</summary>
    Failed = 2,

    /// <summary>Not sent on purpose: opted out, no address, or the same state was already emailed.</summary>
    Suppressed = 3,
}
