using Portal.Data;
using Portal.Features.Allocation.Jobs;
using Portal.Features.Notifications.Jobs;
using Quartz;

namespace Portal.Hosting;

/// <summary>
/// Quartz with its job store in the portal's own database: the schema is provisioned at start, the run history is
/// kept there too (Admin → Job history), and on PostgreSQL every instance joins one cluster, so a trigger fires once
/// across instances and a product's runs never overlap.
/// </summary>
public static class SchedulerSetup
{
    public const string SchedulerName = "BackorderPortal";

    public static void AddPortalScheduler(this WebApplicationBuilder builder, DatabaseOptions database)
    {
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddPortalQuartz(database, options);
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>The scheduler as every portal instance configures it; tests use it to join the cluster as a client.</summary>
    public static IServiceCollection AddPortalQuartz(this IServiceCollection services, DatabaseOptions database, SchedulerOptions options) =>
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            quartz.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }

                store.ProvisionSchema();
                store.UseExecutionHistory();
            });

            // A failed run is tried again after 30 s, 1, 2 and 4 minutes; the last failure stays in the history.
            quartz.UseDefaultRetryPolicy(RetryPolicy.Exponential(4, TimeSpan.FromSeconds(30), 2, TimeSpan.FromMinutes(5)));

            quartz.ScheduleJob<AllocationSweepJob>(
                trigger => trigger.WithIdentity("sweep", AllocateProductsJob.Group)
                    .WithSimpleSchedule(s => s.WithInterval(options.SweepInterval).RepeatForever()),
                job => job.WithIdentity(AllocationSweepJob.Key));
            quartz.ScheduleJob<SendNoticesJob>(
                trigger => trigger.WithIdentity("send", "notifications")
                    .WithSimpleSchedule(s => s.WithInterval(options.NoticeInterval).RepeatForever()),
                job => job.WithIdentity(SendNoticesJob.Key));
            quartz.ScheduleJob<NightlyProjectionJob>(
                trigger => trigger.WithIdentity("nightly", AllocateProductsJob.Group).WithCronSchedule(options.NightlyCron),
                job => job.WithIdentity(NightlyProjectionJob.Key));
        });
}

public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(3);

    public TimeSpan NoticeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quartz cron, server time zone: 02:30 every night.</summary>
    public string NightlyCron { get; set; } = "0 30 2 * * ?";
}
