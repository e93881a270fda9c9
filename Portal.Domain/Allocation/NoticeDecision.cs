namespace Portal.Domain.Allocation;

// The events to send and the state to remember as "last notified" (store it with the events, in one transaction).
public readonly record struct NoticeDecision(IReadOnlyList<Notice> Notices, NotifiedState Next);
