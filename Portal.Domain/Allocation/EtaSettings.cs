namespace Portal.Domain.Allocation;

// Handling days added to every estimated ship date, in business days.
public sealed record EtaSettings(int PickDays = 1, int ReceivingDays = 1)
{
    public static readonly EtaSettings Default = new();
}
