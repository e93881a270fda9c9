namespace Portal.Domain.Allocation;

// A customer hears about an ETA move only when it moves by at least EtaMoveThresholdBusinessDays.
// A date that rests on the supplier's lead time ("no purchase order yet") slides one business day every day until
// a purchase order is raised; so while it stays a lead-time date it is announced again only once it has moved by
// LeadTimeMoveThresholdBusinessDays: a weekly update by default, not an email every morning. Both are Admin settings
// (PortalSettings; docs/customer-notices.md#thresholds).
public sealed record NoticeSettings(int EtaMoveThresholdBusinessDays = 1, int LeadTimeMoveThresholdBusinessDays = 5)
{
    public static readonly NoticeSettings Default = new();

    public int ThresholdFor(EtaBasis before, EtaBasis now) =>
        before == EtaBasis.LeadTime && now == EtaBasis.LeadTime
            ? Math.Max(EtaMoveThresholdBusinessDays, LeadTimeMoveThresholdBusinessDays)
            : EtaMoveThresholdBusinessDays;
}
