using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Portal.Data;
using Portal.Identity;

namespace Portal.Hosting;

/// <summary>
/// Hangfire, with its storage following the database: PostgreSQL and SQL Server keep the jobs in the portal's own
/// database (every instance joins one cluster there); the embedded SQLite default keeps them in memory, one process.
/// No work lives only in a queue: products to allocate and emails due are marks in the portal's tables, and the
/// sweep and the sender find them at start and on their schedule (<see cref="RecurringJobsStartup"/>).
/// </summary>
public static class JobsSetup
{
    public static void AddPortalJobs(this WebApplicationBuilder builder, DatabaseOptions database) =>
        builder.Services.AddPortalJobs(database, builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions());

    /// <summary>Storage, a job server and the recurring jobs, as every instance runs them (the benchmark too).</summary>
    public static IServiceCollection AddPortalJobs(this IServiceCollection services, DatabaseOptions database, JobsOptions options)
    {
        services.AddPortalJobStorage(database, options);
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = options.WorkerCount;
            server.Queues = JobQueues.InPriorityOrder;
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1); // retries and recurring runs due now start within a second
        });
        return services.AddHostedService<RecurringJobsStartup>();
    }

    /// <summary>Hangfire's dashboard, for Admins only: anonymous users go to sign-in, other roles to access denied.</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Admin, "/admin/jobs", new DashboardOptions
        {
            AppPath = "/admin",
            DashboardTitle = "Backorder Portal jobs",
            DisplayStorageConnectionString = false,
        });

    /// <summary>The storage and client every instance uses; tests and the benchmark join the same storage with it.</summary>
    public static IServiceCollection AddPortalJobStorage(this IServiceCollection services, DatabaseOptions database, JobsOptions options) =>
        services.AddSingleton(options).AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePortalStorage(database, options));

    private static IGlobalConfiguration UsePortalStorage(this IGlobalConfiguration hangfire, DatabaseOptions database, JobsOptions options) =>
        database.Provider switch
        {
            DatabaseProvider.Postgres => hangfire.UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(database.ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = options.QueuePollInterval,
                    // Without it a job longer than the invisibility timeout (30 min) is handed to a second worker.
                    UseSlidingInvisibilityTimeout = true,
                }),
            DatabaseProvider.SqlServer => hangfire.UseSqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval,
            }),
            _ => hangfire.UseInMemoryStorage(new InMemoryStorageOptions()),
        };
}
