using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Data.DemoData;
using Portal.Domain.Allocation;
using Portal.Features.Allocation;
using Portal.Identity;
using Portal.Tests.Infrastructure;
using Portal.Tests.Notifications;

namespace Portal.Tests.Data.Upgrade;

/// <summary>
/// Databases that exist: demo databases made by the first release's hand-written InitialSchema (dumped from it, after
/// its allocation run had reserved stock and queued notices). They must reach the head migration with every row kept,
/// and the portal must work on them.
/// </summary>
public abstract class UpgradeFromInitialSchemaTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected override bool Migrated => false;

    [Fact]
    public async Task A_demo_database_of_the_first_schema_migrates_to_the_head_with_every_row()
    {
        await RestoreDemoDumpAsync();
        var before = await CountRowsAsync();

        await using (var context = NewContext())
        {
            Assert.Equal(["20261122000000_InitialSchema"], await context.Database.GetAppliedMigrationsAsync());
            await context.Database.MigrateAsync();
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());

            // Settings added since keep the behaviour the portal had: Monday to Friday, lead-time dates re-announced weekly.
            var settings = await context.Settings.AsNoTracking().SingleAsync();
            Assert.Equal((WorkWeek.MondayToFriday, 5, false, null), (settings.WorkingDays, settings.LeadTimeMoveThresholdDays, settings.SmtpEnabled, settings.SenderAddress));
        }

        var after = await CountRowsAsync();
        Assert.Equal(before, after.Where(t => before.ContainsKey(t.Key)).ToDictionary());
        Assert.DoesNotContain(await TablesAsync(), t => t.StartsWith("qrtz", StringComparison.OrdinalIgnoreCase)); // Hangfire replaced Quartz
        Assert.True(before["SalesOrderLines"] > 1000 && before["CustomerNotices"] > 100 && before["NoticeEvents"] > 100 && before["AspNetUsers"] == 4
            && before["DataProtectionKeys"] == 1,
            "The dump holds a demo database's orders, notices, users and its cookie key: " + string.Join(", ", before));
    }

    [Fact]
    public async Task The_portal_works_on_an_upgraded_demo_database()
    {
        await RestoreDemoDumpAsync();
        await using (var context = NewContext())
        {
            await context.Database.MigrateAsync();
        }

        // A demo user still signs in with the demo password and keeps the role.
        await using (var context = NewContext())
        {
            var sales = await context.Users.SingleAsync(u => u.NormalizedEmail == "SALES@DEMO.LOCAL");
            Assert.Equal(PasswordVerificationResult.Success,
                new PasswordHasher<ApplicationUser>().VerifyHashedPassword(sales, sales.PasswordHash!, DemoUsers.Password));
            var roles = await context.UserRoles.Where(r => r.UserId == sales.Id).Join(context.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Assert.Equal([Roles.Sales], roles);
        }

        // Allocation reads and writes every kind of row the old schema holds, and leaves stock and lines in step.
        await using (var portal = new PortalInstance(Db, TimeProvider.System, new Dictionary<string, string?>()))
        {
            await portal.Scoped<AllocationService>().RunAllAsync();
        }

        await using (var context = NewContext())
        {
            var reserved = await context.SalesOrderLines.GroupBy(l => l.ProductId).Select(g => new { g.Key, Allocated = g.Sum(l => l.Allocated) }).ToDictionaryAsync(g => g.Key, g => g.Allocated);
            var stock = await context.StockLevels.ToListAsync();
            Assert.All(stock, s => Assert.Equal(reserved.GetValueOrDefault(s.ProductId), s.Allocated));
            Assert.Contains(stock, s => s.Allocated > 0);
        }
    }

    private async Task RestoreDemoDumpAsync()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Data", "Upgrade", $"initial-schema-demo.{Provider.ToString().ToLowerInvariant()}.sql.gz");
        await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        var script = await new StreamReader(gzip).ReadToEndAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(Db.ConnectionString);
            await connection.OpenAsync();
            await using var command = new SqliteCommand(script, connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            // Unpooled: pg_dump's script empties the session's search_path.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Db.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(script, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var context = NewContext();
        return SchemaCatalog.Tables(context, Provider);
    }

    /// <summary>Rows per portal table (the old scheduler's own tables aside).</summary>
    private async Task<Dictionary<string, int>> CountRowsAsync()
    {
        await using var context = NewContext();
        var counts = new Dictionary<string, int>();
        foreach (var table in (await TablesAsync()).Where(t => !t.StartsWith("qrtz", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("__EF", StringComparison.Ordinal)))
        {
            var count = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\""; // the name comes from the catalog
            counts[table] = await context.Database.SqlQueryRaw<int>(count).SingleAsync();
        }

        return counts;
    }
}

public sealed class UpgradeFromInitialSchemaTestsOnSqlite() : UpgradeFromInitialSchemaTests(DatabaseProvider.Sqlite);

public sealed class UpgradeFromInitialSchemaTestsOnPostgres() : UpgradeFromInitialSchemaTests(DatabaseProvider.Postgres);
