using Microsoft.EntityFrameworkCore;
using Portal.Data.DemoData;

namespace Portal.Data;

/// <summary>Brings the database to the current schema at start and fills a new database with demo data when asked.</summary>
public sealed class DatabaseInitializer(PortalDbContext db, DatabaseOptions options, DemoDataSeeder demo, ILogger<DatabaseInitializer> logger)
{
    // Taken while deciding whether to seed, so two instances starting at once on one database seed it once.
    private const int SeedLockKey = 7_003;
    private const string SqlServerSeedLock = "EXEC sp_getapplock @Resource = N'portal:seed', @LockMode = 'Exclusive', @LockOwner = 'Transaction'";

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

        if (options.ShouldSeedDemoData)
        {
            await SeedOnceAsync(cancellationToken);
        }
    }

    private async Task SeedOnceAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", cancellationToken);
        }
        else if (db.Database.IsSqlServer())
        {
            await db.Database.ExecuteSqlRawAsync(SqlServerSeedLock, cancellationToken);
        }

        if (await db.Products.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        await demo.SeedAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
