using Portal.Domain.Common;

namespace Portal.Domain.Admin;

/// <summary>The single row of settings an Admin can change at run time.</summary>
public class PortalSettings : Entity
{
    public const int SingletonId = 1;

    public PortalSettings() => Id = SingletonId;

    public int PickDays { get; private set; } = 1;
    public int ReceivingDays { get; private set; } = 1;
    public int EtaMoveThresholdDays { get; private set; } = 1;
    public int QuietWindowMinutes { get; private set; } = 10;

    public void Change(int pickDays, int receivingDays, int etaMoveThresholdDays, int quietWindowMinutes)
    {
        PickDays = Range(pickDays, 0, 30, "Pick days");
        ReceivingDays = Range(receivingDays, 0, 30, "Receiving days");
        EtaMoveThresholdDays = Range(etaMoveThresholdDays, 1, 30, "ETA change threshold");
        QuietWindowMinutes = Range(quietWindowMinutes, 0, 24 * 60, "Quiet window");
    }

    private static int Range(int value, int min, int max, string what) =>
        value >= min && value <= max ? value : throw new DomainException($"{what} must be between {min} and {max}.");
}
