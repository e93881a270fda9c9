namespace Portal.Domain.Admin;

/// <summary>Who changed what and when; written in the same transaction as the change.</summary>
public class AuditEvent
{
    private AuditEvent() { }

    public AuditEvent(DateTimeOffset at, string user, string entity, string entityId, string action, string? details)
    {
        At = at;
        User = user;
        Entity = entity;
        EntityId = entityId;
        Action = action;
        Details = details is { Length: > 2000 } ? details[..2000] : details;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string User { get; private set; } = "";
    public string Entity { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? Details { get; private set; }

    /// <summary>Before → after of each field the change moved, a line each (written as the change is saved).</summary>
    public string? Changes { get; private set; }

    public const int MaxChangesLength = 4000;

    public void RecordChanges(string changes) =>
        Changes = changes.Length > MaxChangesLength ? changes[..(MaxChangesLength - 1)] + "…" : changes;
}
