using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// Each provider's migrations, made by <c>dotnet ef</c> (Portal/Data/Migrations/add-migration.sh), against its model:
/// EF's own check that the snapshot has every model change (offline, so on SQL Server too), and the stronger one that
/// a database built by the migrations has exactly the schema of one created from the model.
/// </summary>
public abstract class SchemaDriftTests(DatabaseProvider provider)
{
    private const string HistoryTable = "__EFMigrationsHistory";

    // Made by SQL in a migration because the model cannot describe an index on an expression (PostgreSQL's ListSortIndexes).
    private static readonly string[] ExpressionIndexes = ["IX_SalesOrderLines_Waiting_Value", "IX_PurchaseOrderLines_Open_Quantity"];

    [Fact]
    public void The_model_has_no_change_without_a_migration()
    {
        using var context = TestDatabase.CreateOfflineContext(provider);
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The {provider} model changed since its last migration: run Portal/Data/Migrations/add-migration.sh <Name>.");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations_in_the_same_order()
    {
        // Ids start with the moment dotnet ef made them, a few seconds apart per provider; the names must match.
        static IEnumerable<string> Names(PortalDbContext context) => context.Database.GetMigrations().Select(id => id[(id.IndexOf('_') + 1)..]);
        using var context = TestDatabase.CreateOfflineContext(provider);
        using var sqlite = TestDatabase.CreateOfflineContext(DatabaseProvider.Sqlite);
        Assert.Equal(Names(sqlite), Names(context));
        Assert.Equal("20261122000000_InitialSchema", context.Database.GetMigrations().First());
    }

    [Fact]
    public async Task Migrations_create_exactly_the_schema_the_model_describes()
    {
        // One database built by every migration in turn, one created from the model as it is now; their catalogs
        // must list the same columns, keys, indexes and constraints.
        await using var migrated = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var created = await TestDatabase.CreateAsync(provider, migrated: false);
        await using (var context = migrated.CreateContext())
        {
            await context.Database.MigrateAsync();
        }

        await using (var context = created.CreateContext())
        {
            await context.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await SchemaCatalog.ReadAsync(migrated);
        var fromModel = await SchemaCatalog.ReadAsync(created);
        var migrationsOnly = fromMigrations.Except(fromModel).Where(i => !ExpressionIndexes.Any(i.Contains)).ToList();
        var modelOnly = fromModel.Except(fromMigrations).ToList();
        Assert.True(migrationsOnly.Count == 0 && modelOnly.Count == 0,
            $"The migrations and the model disagree on {provider}; fix the configuration or add a migration.\n" +
            string.Join("\n", migrationsOnly.Select(i => "  migrations only: " + i).Concat(modelOnly.Select(i => "  model only:      " + i))));
        Assert.Contains(fromModel, i => i.Contains("SalesOrderLines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_creates_every_table()
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrated: false);
        await using var context = db.CreateContext();

        context.Database.Migrate();

        Assert.Empty(context.Database.GetPendingMigrations());
        Assert.Equal(context.Database.GetMigrations(), context.Database.GetAppliedMigrations());

        // Every table of the model, and besides them only EF's own bookkeeping (history; on SQLite also its lock table).
        var modelTables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var tables = SchemaCatalog.Tables(context, provider);
        Assert.Equal(modelTables, tables.Where(t => !t.StartsWith("__EFMigrations", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(HistoryTable, tables);

        context.Database.Migrate(); // a second start finds nothing to do
        Assert.Empty(context.Database.GetPendingMigrations());
    }
}

public sealed class SchemaDriftTestsOnSqlite() : SchemaDriftTests(DatabaseProvider.Sqlite);

public sealed class SchemaDriftTestsOnPostgres() : SchemaDriftTests(DatabaseProvider.Postgres);

public sealed class SchemaDriftTestsOnSqlServer() : SchemaDriftTests(DatabaseProvider.SqlServer);
