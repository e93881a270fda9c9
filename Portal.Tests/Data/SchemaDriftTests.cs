using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

/// <summary>
/// Each provider's migrations, made by <c>dotnet ef</c> (Portal/Data/Migrations/add-migration.sh), against its model:
/// EF's own check that the snapshot has every model change, and the stronger one that the migrations create exactly
/// the schema the model describes. Both need no server, so they run on SQL Server here too.
/// </summary>
public abstract partial class SchemaDriftTests(DatabaseProvider provider)
{
    private const string HistoryTable = "__EFMigrationsHistory";

    [Fact]
    public void The_model_has_no_change_without_a_migration()
    {
        using var context = TestDatabase.CreateOfflineContext(provider);
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The {provider} model changed since its last migration: run Portal/Data/Migrations/add-migration.sh <Name>.");
    }

    [Fact]
    public void Every_provider_has_the_same_migrations()
    {
        using var context = TestDatabase.CreateOfflineContext(provider);
        using var sqlite = TestDatabase.CreateOfflineContext(DatabaseProvider.Sqlite);
        Assert.Equal(sqlite.Database.GetMigrations(), context.Database.GetMigrations());
        Assert.Contains("20261122000000_InitialSchema", context.Database.GetMigrations());
    }

    [Fact]
    public void Migrations_create_exactly_the_schema_the_model_describes()
    {
        // Script generation opens no connection, so this runs on PostgreSQL even where no server is available.
        using var context = TestDatabase.CreateOfflineContext(provider);
        var fromMigrations = Statements(context.GetService<IMigrator>().GenerateScript());
        var fromModel = Statements(context.Database.GenerateCreateScript());

        var migrationsOnly = fromMigrations.Except(fromModel).Order(StringComparer.Ordinal).ToList();
        var modelOnly = fromModel.Except(fromMigrations).Order(StringComparer.Ordinal).ToList();
        if (migrationsOnly.Count > 0 || modelOnly.Count > 0)
        {
            Assert.Fail(DriftReport(migrationsOnly, modelOnly));
        }

        Assert.Contains(fromModel, s => s.StartsWith("CREATE TABLE", StringComparison.Ordinal));
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
        var tables = Tables(context);
        Assert.Equal(modelTables, tables.Where(t => !t.StartsWith("__EFMigrations", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(HistoryTable, tables);

        context.Database.Migrate(); // a second start finds nothing to do
        Assert.Empty(context.Database.GetPendingMigrations());
    }

    private List<string> Tables(PortalDbContext context) =>
        context.Database.SqlQueryRaw<string>(provider switch
            {
                DatabaseProvider.Sqlite => "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                DatabaseProvider.Postgres => "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
                _ => "SELECT TABLE_NAME AS Value FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA_NAME() AND TABLE_TYPE = 'BASE TABLE'",
            })
            .ToList();

    /// <summary>
    /// The script's statements, whitespace normalised, without the migrations-history lines and the transaction
    /// wrapper. Statements end with ';' at the end of a line in EF's scripts.
    /// </summary>
    private HashSet<string> Statements(string script)
    {
        var statements = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var line in script.Split('\n'))
        {
            if (line.Trim() == "GO")
            {
                continue; // SQL Server's batch separator
            }

            current.Append(line).Append(' ');
            if (!line.TrimEnd().EndsWith(';'))
            {
                continue;
            }

            var statement = Whitespace().Replace(current.ToString(), " ").Trim().TrimEnd(';').Trim();
            current.Clear();
            if (statement is "BEGIN TRANSACTION" or "START TRANSACTION" or "COMMIT" or "COMMIT TRANSACTION" or "END" || statement.Contains(HistoryTable, StringComparison.Ordinal))
            {
                continue;
            }

            // PostgreSQL's decimal is its numeric by another name: the migrations spell the shared column type
            // "decimal(18,4)", the model renders it as numeric.
            statements.Add(provider == DatabaseProvider.Postgres ? DecimalType().Replace(statement, "numeric(") : statement);
        }

        Assert.True(string.IsNullOrWhiteSpace(current.ToString()), $"Script ends with an unterminated statement: {current}");
        return statements;
    }

    private string DriftReport(List<string> migrationsOnly, List<string> modelOnly)
    {
        var report = new StringBuilder(
            $"The migrations and the model disagree on {provider}. Fix the configuration or add a migration until both sides match.\n");

        // A table on both sides: show only the columns and constraints that differ.
        var changedTables = migrationsOnly.Select(TableName).Intersect(modelOnly.Select(TableName)).OfType<string>().ToHashSet();
        foreach (var table in changedTables.Order(StringComparer.Ordinal))
        {
            var migrationClauses = Clauses(migrationsOnly.Single(s => TableName(s) == table));
            var modelClauses = Clauses(modelOnly.Single(s => TableName(s) == table));
            report.Append($"\nTable \"{table}\":\n");
            report.AppendJoin("", migrationClauses.Except(modelClauses).Select(c => $"  migrations only: {c}\n"));
            report.AppendJoin("", modelClauses.Except(migrationClauses).Select(c => $"  model only:      {c}\n"));
            if (migrationClauses.ToHashSet().SetEquals(modelClauses))
            {
                report.Append("  the same columns and constraints in a different order\n");
            }
        }

        AppendStatements(report, "migrations", migrationsOnly.Where(s => !changedTables.Contains(TableName(s) ?? "")).ToList());
        AppendStatements(report, "model's create script", modelOnly.Where(s => !changedTables.Contains(TableName(s) ?? "")).ToList());
        return report.ToString();
    }

    private static void AppendStatements(StringBuilder report, string side, List<string> statements)
    {
        if (statements.Count > 0)
        {
            report.Append($"\nStatements only in the {side}:\n");
            report.AppendJoin("", statements.Select(s => $"  {s};\n"));
        }
    }

    private static string? TableName(string statement) => CreateTable().Match(statement) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The column and constraint clauses of a CREATE TABLE: its body split at top-level commas.</summary>
    private static List<string> Clauses(string createTable)
    {
        var body = createTable[(createTable.IndexOf('(') + 1)..createTable.LastIndexOf(')')];
        var clauses = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            depth += body[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (body[i] == ',' && depth == 0)
            {
                clauses.Add(body[start..i].Trim());
                start = i + 1;
            }
        }

        clauses.Add(body[start..].Trim());
        return clauses;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\bdecimal\(", RegexOptions.IgnoreCase)]
    private static partial Regex DecimalType();

    [GeneratedRegex("^CREATE TABLE \"([^\"]+)\"")]
    private static partial Regex CreateTable();
}

public sealed class SchemaDriftTestsOnSqlite() : SchemaDriftTests(DatabaseProvider.Sqlite);

public sealed class SchemaDriftTestsOnPostgres() : SchemaDriftTests(DatabaseProvider.Postgres);

public sealed class SchemaDriftTestsOnSqlServer() : SchemaDriftTests(DatabaseProvider.SqlServer);
