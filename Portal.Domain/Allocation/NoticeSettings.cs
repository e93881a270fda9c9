namespace Portal.Domain.Allocation;

// A customer hears about an ETA move only when it moves by at least EtaMoveThresholdBusinessDays.
// Some dates slide one business day every morning by themselves: one resting on the supplier's lead time ("no
// purchase order yet"), until a purchase order is raised, and one resting on a late purchase order (counted as
// arriving today), until the goods come. While a date keeps sliding on the same basis it is announced again only once
// it has moved by LeadTimeMoveThresholdBusinessDays: a weekly update, not an email every morning.
public sealed record NoticeSettings(int EtaMoveThresholdBusinessDays = 1, int LeadTimeMoveThresholdBusinessDays = 5)
{
    public static readonly NoticeSettings Default = new();

    public int ThresholdFor(EtaBasis before, LineState now) =>
        before == now.Basis && now.SlidesWithCalendar
            ? Math.Max(EtaMoveThresholdBusinessDays, LeadTimeMoveThresholdBusinessDays)
            : EtaMoveThresholdBusinessDays;
}
