namespace Portal.Hosting;

/// <summary>How often the recurring jobs run (configuration section "Scheduler").</summary>
public sealed class JobsOptions
{
    public const string Section = "Scheduler";

    /// <summary>How often products still marked for allocation are run again: the safety net.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How often due customer emails are sent.</summary>
    public TimeSpan NoticeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Cron (minute hour day month weekday), server time zone: 02:30 every night.</summary>
    public string NightlyCron { get; set; } = "30 2 * * *";

    /// <summary>Jobs one instance runs at once.</summary>
    public int WorkerCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>How often workers look for new jobs in PostgreSQL or SQL Server; the in-memory queue needs no polling.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
