using Portal.Domain.Common;

namespace Portal.Domain.Admin;

/// <summary>The single row of settings an Admin can change at run time.</summary>
public class PortalSettings : Entity
{
    public const int SingletonId = 1;

    /// <summary>The ranges <see cref="Change"/> allows, for forms to show and check before saving.</summary>
    public const int MinPickDays = 0, MaxPickDays = 30;
    public const int MinReceivingDays = 0, MaxReceivingDays = 30;
    public const int MinEtaMoveThresholdDays = 1, MaxEtaMoveThresholdDays = 30;
    public const int MinQuietWindowMinutes = 0, MaxQuietWindowMinutes = 24 * 60;

    public PortalSettings() => Id = SingletonId;

    public int PickDays { get; private set; } = 1;
    public int ReceivingDays { get; private set; } = 1;
    public int EtaMoveThresholdDays { get; private set; } = 1;
    public int QuietWindowMinutes { get; private set; } = 10;

    public void Change(int pickDays, int receivingDays, int etaMoveThresholdDays, int quietWindowMinutes)
    {
        PickDays = Range(pickDays, MinPickDays, MaxPickDays, "Pick days");
        ReceivingDays = Range(receivingDays, MinReceivingDays, MaxReceivingDays, "Receiving days");
        EtaMoveThresholdDays = Range(etaMoveThresholdDays, MinEtaMoveThresholdDays, MaxEtaMoveThresholdDays, "ETA change threshold");
        QuietWindowMinutes = Range(quietWindowMinutes, MinQuietWindowMinutes, MaxQuietWindowMinutes, "Quiet window");
    }

    private static int Range(int value, int min, int max, string what) =>
        value >= min && value <= max ? value : throw new DomainException($"{what} must be between {min} and {max}.");
}
