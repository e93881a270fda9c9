namespace Portal.Features.Notifications.Delivery;

/// <summary>The <c>Notifications</c> configuration section: retries and claims of the notice sender.</summary>
public sealed class NoticeDeliveryOptions
{
    public const string Section = "Notifications";

    /// <summary>After this many failed attempts a notice is Failed and waits for an Admin.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claimed notice stays with the instance sending it. Keep it well above the SMTP timeout: when it
    /// runs out (the instance died mid-send), another instance sends the notice again.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many due notices one query picks up; a run keeps going until none is due.</summary>
    public int BatchSize { get; set; } = 50;

    public TimeSpan RetryDelay(int failedAttempts)
    {
        var delay = FirstRetryDelay * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
