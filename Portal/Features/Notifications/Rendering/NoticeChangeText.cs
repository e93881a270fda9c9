using System.Globalization;
using Portal.Domain.Common;
using Portal.Domain.Allocation;
using Portal.Domain.Notifications;

namespace Portal.Features.Notifications.Rendering;

/// <summary>One queued change in words, for staff reading the outbox (the customer sees the resulting state).</summary>
public static class NoticeChangeText
{
    public static string Describe(NoticeEvent change, string line)
    {
        var at = Show.Time(change.OccurredAt);
        var eta = Show.Date(change.EtaDate);
        var what = change.Kind switch
        {
            NoticeKind.Backordered => $"{change.Quantity} backordered, estimated ship date {eta}",
            NoticeKind.EtaMoved => $"estimated ship date moved to {eta}",
            NoticeKind.EtaUnknown => "estimated ship date became unknown",
            NoticeKind.ReadyToShip => $"{change.Quantity} ready to ship",
            NoticeKind.Shipped => $"{change.Quantity} shipped",
            NoticeKind.BackorderCancelled => $"{change.Quantity} cancelled",
            NoticeKind.CustomerReply => "the customer replied",
            NoticeKind.LinkRequested => "the customer asked for a fresh link",
            _ => change.Kind.ToString(),
        };
        var note = string.IsNullOrWhiteSpace(change.Note) ? "" : $" ({change.Note})";
        return $"{at} UTC, {line}: {what}{note}";
    }
}
