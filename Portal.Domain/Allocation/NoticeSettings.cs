namespace Portal.Domain.Allocation;

// A customer hears about an ETA move only when it moves by at least this many business days.
public sealed record NoticeSettings(int EtaMoveThresholdBusinessDays = 1)
{
    public static readonly NoticeSettings Default = new();
}
