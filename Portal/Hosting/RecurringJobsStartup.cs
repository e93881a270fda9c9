using Hangfire;
using Portal.Features.Allocation.Jobs;
using Portal.Features.Notifications.Jobs;

namespace Portal.Hosting;

/// <summary>
/// Registers the recurring jobs with the configured schedules, and runs the sweep and the sender once at start: an
/// in-memory queue is empty after a restart, and what it held is re-derived from the portal's own tables.
/// </summary>
internal sealed class RecurringJobsStartup(IRecurringJobManager recurring, IBackgroundJobClient jobs, JobsOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<AllocationSweepJob>(AllocationSweepJob.Id, JobQueues.Allocation, job => job.RunAsync(CancellationToken.None), Every(options.SweepInterval));
        recurring.AddOrUpdate<SendNoticesJob>(SendNoticesJob.Id, JobQueues.Notifications, job => job.RunAsync(CancellationToken.None), Every(options.NoticeInterval));
        recurring.AddOrUpdate<NightlyProjectionJob>(NightlyProjectionJob.Id, JobQueues.Allocation, job => job.RunAsync(CancellationToken.None), options.NightlyCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Local }); // "nightly" is the site's night

        jobs.Enqueue<AllocationSweepJob>(JobQueues.Allocation, job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<SendNoticesJob>(JobQueues.Notifications, job => job.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A cron for "every interval": seconds below a minute, minutes below an hour, else hours.</summary>
    internal static string Every(TimeSpan interval) => interval switch
    {
        { TotalSeconds: < 1 } => throw new ArgumentOutOfRangeException(nameof(interval), interval, "The shortest interval is one second."),
        { TotalMinutes: < 1 } => $"*/{(int)interval.TotalSeconds} * * * * *",
        { TotalHours: < 1 } => $"*/{(int)interval.TotalMinutes} * * * *",
        _ => $"0 */{(int)interval.TotalHours} * * *",
    };
}
