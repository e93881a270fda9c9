using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data.DemoData;
using Portal.Identity;

namespace Portal.Data;

/// <summary>Brings the database to the current schema at start and fills a new embedded database with demo data.</summary>
public sealed class DatabaseInitializer(
    PortalDbContext db, DatabaseOptions options, RoleManager<IdentityRole> roles, DemoDataSeeder demo, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets pages read while a job writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        var isNew = !(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is current ({Provider}).", db.Database.ProviderName);

        await roles.EnsureRolesAsync();
        if (isNew && options.ShouldSeedDemoData)
        {
            await demo.SeedAsync(cancellationToken);
        }
    }
}
