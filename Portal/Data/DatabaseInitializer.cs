using Hangfire;
using Microsoft.EntityFrameworkCore;
using Portal.Data.DemoData;

namespace Portal.Data;

/// <summary>
/// Brings the database to the current schema at start, installs the job scheduler's tables, and fills a new database
/// with demo data when asked.
/// </summary>
public sealed class DatabaseInitializer(
    PortalDbContext db, DatabaseOptions options, DemoDataSeeder demo, IServiceProvider services, ILogger<DatabaseInitializer> logger)
{
    // Taken while installing the scheduler's tables and deciding whether to seed, so instances starting together on
    // one database do each once (Hangfire's own installer logs a duplicate-key error when two race).
    private const int StartupLockKey = 7_003;
    private const string SqlServerStartupLock = "EXEC sp_getapplock @Resource = N'portal:startup', @LockMode = 'Exclusive', @LockOwner = 'Transaction'";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets pages read while a job writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        // EF takes a migrations lock, so instances starting together apply each migration once.
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is current ({Provider}).", db.Database.ProviderName);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({StartupLockKey})", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(SqlServerStartupLock, cancellationToken);
        }

        // Resolving the storage installs or upgrades its schema.
        _ = services.GetRequiredService<JobStorage>();

        if (options.ShouldSeedDemoData)
        {
            await SeedOnceAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task SeedOnceAsync(CancellationToken cancellationToken)
    {
        if (await db.Products.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        await demo.SeedAsync(cancellationToken);
    }
}
