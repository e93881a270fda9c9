using Portal.Domain.Common;

namespace Portal.Domain.Notifications;

/// <summary>
/// The outbox row for one email to one order's customer. Written in the same transaction as the change that
/// causes it; later changes to the same order within the quiet window join it, so the customer gets one email
/// with the latest state. See docs/customer-notices.md#outbox.
/// </summary>
public class CustomerNotice : Entity
{
    private readonly List<NoticeEvent> events = [];
    private readonly List<NoticeAttempt> attempts = [];

    private CustomerNotice() { }

    public CustomerNotice(int salesOrderId, int customerId, DateTimeOffset createdAt, TimeSpan quietWindow)
    {
        SalesOrderId = salesOrderId;
        CustomerId = customerId;
        CreatedAt = createdAt;
        DueAt = createdAt + quietWindow;
    }

    public int SalesOrderId { get; private set; }
    public int CustomerId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it may go out: the end of the quiet window, later after a failed attempt.</summary>
    public DateTimeOffset DueAt { get; private set; }
    public NoticeStatus Status { get; private set; }
    public int AttemptCount { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? ToAddress { get; private set; }
    public string? Subject { get; private set; }
    public string? TextBody { get; private set; }
    public string? HtmlBody { get; private set; }

    /// <summary>A hash of what the email says about the order; the same state is never emailed twice.</summary>
    public string? ContentHash { get; private set; }
    public IReadOnlyList<NoticeEvent> Events => events;
    public IReadOnlyList<NoticeAttempt> Attempts => attempts;

    /// <summary>False once a sender has rendered it: later changes go into a new notice, so none is lost in flight.</summary>
    public bool IsOpenForEvents => Status == NoticeStatus.Pending && Subject is null;

    public void Add(NoticeEvent noticeEvent)
    {
        if (!IsOpenForEvents)
        {
            throw new DomainException("Only a pending notice that is not being sent can take more changes.");
        }

        events.Add(noticeEvent);
    }

    public void Render(string? toAddress, string subject, string textBody, string htmlBody, string contentHash)
    {
        ToAddress = toAddress;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        ContentHash = contentHash;
    }

    /// <summary>A sender holds the notice until <paramref name="until"/>; saved with the version check, it is the claim.</summary>
    public void Claim(DateTimeOffset until)
    {
        if (Status != NoticeStatus.Pending)
        {
            throw new DomainException("Only a pending notice can be sent.");
        }

        DueAt = until;
    }

    /// <summary>Sent: <paramref name="serverReply"/> is what the mail server answered ("250 2.0.0 Ok: queued as …").</summary>
    public void MarkSent(DateTimeOffset at, string? serverReply = null)
    {
        attempts.Add(new NoticeAttempt(at, true, serverReply));
        AttemptCount++;
        Status = NoticeStatus.Sent;
        SentAt = at;
        LastError = null;
    }

    public void MarkAttemptFailed(DateTimeOffset at, string error, DateTimeOffset? retryAt)
    {
        attempts.Add(new NoticeAttempt(at, false, error));
        AttemptCount++;
        LastError = error;
        if (retryAt is { } next)
        {
            DueAt = next;
        }
        else
        {
            Status = NoticeStatus.Failed;
        }
    }

    public void Suppress(string reason)
    {
        Status = NoticeStatus.Suppressed;
        LastError = reason;
    }

    /// <summary>An Admin sends a failed notice again.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status != NoticeStatus.Failed)
        {
            throw new DomainException("Only a failed notice can be retried.");
        }

        Status = NoticeStatus.Pending;
        DueAt = now;
    }
}
