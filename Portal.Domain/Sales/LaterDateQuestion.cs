using Portal.Domain.Common;

namespace Portal.Domain.Sales;

public enum LaterDateAnswer
{
    Open,
    Accepted,
    Cancelled,

    /// <summary>A newer question about the same line replaced it, or nothing waits on the line any more.</summary>
    Closed,
}

/// <summary>
/// An email told the customer a line's date slipped by more than the setting allows and asked them to accept the later
/// date or cancel what waits (docs/customer-replies.md#a-later-date). Open until they answer; the Sales home names
/// the ones left unanswered too long.
/// </summary>
public class LaterDateQuestion : Entity
{
    private LaterDateQuestion() { }

    public LaterDateQuestion(int salesOrderId, int salesOrderLineId, DateOnly? wasDate, DateOnly newDate, DateTimeOffset askedAt)
    {
        SalesOrderId = salesOrderId;
        SalesOrderLineId = salesOrderLineId;
        WasDate = wasDate;
        NewDate = newDate;
        AskedAt = askedAt;
    }

    public int SalesOrderId { get; private set; }
    public int SalesOrderLineId { get; private set; }
    public DateOnly? WasDate { get; private set; }
    public DateOnly NewDate { get; private set; }
    public DateTimeOffset AskedAt { get; private set; }
    public LaterDateAnswer Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public void Answered(LaterDateAnswer answer, DateTimeOffset at)
    {
        if (Answer != LaterDateAnswer.Open)
        {
            throw new DomainException("This question was already answered.");
        }

        Answer = answer;
        AnsweredAt = at;
    }
}
