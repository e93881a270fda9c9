namespace Portal.Domain.Notifications;

public class NoticeAttempt
{
    private NoticeAttempt() { }

    public NoticeAttempt(DateTimeOffset attemptedAt, bool succeeded, string? error)
    {
        AttemptedAt = attemptedAt;
        Succeeded = succeeded;
        Error = error is { Length: > 1000 } ? error[..1000] : error;
    }

    public int Id { get; private set; }
    public int CustomerNoticeId { get; private set; }
    public DateTimeOffset AttemptedAt { get; private set; }
    public bool Succeeded { get; private set; }
    /// <summary>What the mail server answered, or why the attempt failed (the column keeps its first name).</summary>
    public string? Error { get; private set; }
}
