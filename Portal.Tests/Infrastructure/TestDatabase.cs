using System.Collections.Concurrent;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Tests.Data.SqlServer;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test (or one test class), on SQLite or PostgreSQL, gone when disposed.
/// <code>await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
/// await using var context = db.CreateContext();</code>
/// A migrated database starts as a new deployment does after its migrations: the schema and only the seeded rows;
/// on SQLite a copy of a template file migrated once per run; on PostgreSQL a database cloned from a migrated
/// template (CREATE DATABASE ... TEMPLATE costs about half a second), which is put back to the template's rows and
/// reused after the test (about 10 ms) unless the test changed its schema, in which case it is dropped. An empty database
/// (<c>migrated: false</c>) is always new. On PostgreSQL, creating one skips the test when no server is available,
/// or fails it under PORTAL_TEST_STRICT=1 (see <see cref="PostgresServer"/>).
/// For service tests that build a DI container, register the context with
/// <c>UsePortalDatabase(db.Provider, db.ConnectionString)</c>, as the app does.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static readonly Lazy<string> SqliteFolder = new(() => TestEnvironment.CreateScratchFolder($"portal-tests-sqlite-{RunId}-"));
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<PostgresTemplateInfo>> PostgresTemplate = new(CreatePostgresTemplateAsync);
    private static readonly ConcurrentBag<string> ReusablePostgresDatabases = [];
    private static int counter;

    private readonly string? postgresAdminConnectionString;
    private readonly string name;
    private readonly bool reusable;
    private bool disposed;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name, string? postgresAdminConnectionString = null, bool reusable = false)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.name = name;
        this.postgresAdminConnectionString = postgresAdminConnectionString;
        this.reusable = reusable;
        Options = OptionsFor(provider, connectionString);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The options <see cref="CreateContext"/> uses: <c>UsePortalDatabase(Provider, ConnectionString)</c>.</summary>
    public DbContextOptions<PortalDbContext> Options { get; }

    /// <summary>
    /// Creates a database: migrated to the latest migration (with the rows the migrations seed, such as the settings
    /// row), or without any schema when <paramref name="migrated"/> is false.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrated = true) =>
        provider switch
        {
            DatabaseProvider.Sqlite => await CreateSqliteAsync(migrated),
            DatabaseProvider.Postgres => await CreatePostgresAsync(migrated),
            DatabaseProvider.SqlServer => await CreateSqlServerAsync(migrated),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };

    /// <summary>A new context on this database; the caller disposes it. One per unit of work, as in the app.</summary>
    public PortalDbContext CreateContext() => PortalDbContext.Create(Options);

    /// <summary>
    /// A context for work that never opens a connection (generating SQL scripts, reading the model): it needs no
    /// server, so such tests run on PostgreSQL and SQL Server even where none is available.
    /// </summary>
    public static PortalDbContext CreateOfflineContext(DatabaseProvider provider) =>
        PortalDbContext.Create(OptionsFor(provider, provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=:memory:",
            DatabaseProvider.Postgres => "Host=offline.invalid;Database=offline",
            _ => "Server=offline.invalid;Database=offline;TrustServerCertificate=True",
        }));

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(name + suffix);
            }

            return;
        }

        if (Provider == DatabaseProvider.SqlServer)
        {
            SqlConnection.ClearPool(new SqlConnection(ConnectionString));
            await ExecuteSqlServerAsync(TestEnvironment.RequireSqlServer(), $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]");
            return;
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        if (reusable && await TryEmptyForReuseAsync())
        {
            ReusablePostgresDatabases.Add(name);
            return;
        }

        await ExecuteAsync(postgresAdminConnectionString!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Removes what the run left: the SQLite folder and, on a shared server, the PostgreSQL template and reusable databases.</summary>
    internal static async Task CleanUpRunAsync()
    {
        // A throwaway server goes with its databases; on a shared one (PORTAL_TEST_POSTGRES) drop what this run made.
        if (PostgresTemplate.IsValueCreated && PostgresTemplate.Value.IsCompletedSuccessfully && !PostgresServer.Shared.IsThrowaway)
        {
            var admin = await PostgresServer.Shared.RequireAsync();
            foreach (var database in ReusablePostgresDatabases.Append(PostgresTemplate.Value.Result.Name))
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }

        if (SqliteFolder.IsValueCreated)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(SqliteFolder.Value, recursive: true);
        }
    }

    private static DbContextOptions<PortalDbContext> OptionsFor(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalDatabase(provider, connectionString);
        Configure(builder, provider);
        return builder.Options;
    }

    /// <summary>
    /// What a test adds to the app's options, for service containers too:
    /// <c>services.AddPortalDbContext(Db.Provider, Db.ConnectionString, Db.Configure)</c>.
    /// </summary>
    public void Configure(DbContextOptionsBuilder builder) => Configure(builder, Provider);

    // Queries run on SQLite or PostgreSQL are checked on SQL Server as well (SqlServerTranslation).
    private static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider)
    {
        builder.EnableSensitiveDataLogging();
        if (provider != DatabaseProvider.SqlServer)
        {
            builder.AddInterceptors(SqlServerTranslation.Instance);
        }
    }

    private static string NextName(string kind) => $"portal_{kind}_{RunId}_{Interlocked.Increment(ref counter)}";

    // Same busy timeout as the app's embedded database, so concurrent writers wait for each other.
    private static string SqliteConnectionString(string path, bool pooling = true) =>
        new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = pooling }.ToString();

    private static async Task<TestDatabase> CreateSqliteAsync(bool migrated)
    {
        var path = Path.Combine(SqliteFolder.Value, NextName("test") + ".db");
        if (migrated)
        {
            File.Copy(await SqliteTemplate.Value, path);
        }

        return new TestDatabase(DatabaseProvider.Sqlite, SqliteConnectionString(path), path);
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var path = Path.Combine(SqliteFolder.Value, NextName("template") + ".db");
        await using var context = PortalDbContext.Create(OptionsFor(DatabaseProvider.Sqlite, SqliteConnectionString(path, pooling: false)));
        await context.Database.MigrateAsync();
        return path;
    }

    // A new database per test, migrated from scratch: slower than the templates above, and only run by hand.
    private static async Task<TestDatabase> CreateSqlServerAsync(bool migrated)
    {
        var server = TestEnvironment.RequireSqlServer();
        var name = NextName("test");
        await ExecuteSqlServerAsync(server, $"CREATE DATABASE [{name}]");
        var database = new TestDatabase(DatabaseProvider.SqlServer,
            new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString, name);
        if (migrated)
        {
            await using var context = database.CreateContext();
            await context.Database.MigrateAsync();
        }

        return database;
    }

    private static async Task ExecuteSqlServerAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<TestDatabase> CreatePostgresAsync(bool migrated)
    {
        var admin = await PostgresServer.Shared.RequireAsync();
        if (!migrated)
        {
            var empty = NextName("test");
            await ExecuteAsync(admin, $"CREATE DATABASE \"{empty}\"");
            return new TestDatabase(DatabaseProvider.Postgres, WithDatabase(admin, empty, pooling: true), empty, admin);
        }

        var template = await PostgresTemplate.Value;
        if (!ReusablePostgresDatabases.TryTake(out var name))
        {
            name = NextName("test");
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template.Name}\"");
        }

        return new TestDatabase(DatabaseProvider.Postgres, WithDatabase(admin, name, pooling: true), name, admin, reusable: true);
    }

    private static async Task<PostgresTemplateInfo> CreatePostgresTemplateAsync()
    {
        var admin = await PostgresServer.Shared.RequireAsync();
        var name = NextName("template");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");

        // No pooling: CREATE DATABASE ... TEMPLATE refuses a template that still has sessions.
        var connectionString = WithDatabase(admin, name, pooling: false);
        await using (var context = PortalDbContext.Create(OptionsFor(DatabaseProvider.Postgres, connectionString)))
        {
            await context.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return new PostgresTemplateInfo(name, await SchemaFingerprintAsync(connection), await SeedRowsAsync(connection), await SequencesAsync(connection));
    }

    /// <summary>
    /// Brings this database back to the template's state for the next test: ends leftover sessions and, if the
    /// schema is still the template's, deletes every row (the migrations history aside), puts back the rows the
    /// migrations seed and resets the identity sequences. False when it cannot be reused, so it is dropped instead.
    /// </summary>
    private async Task<bool> TryEmptyForReuseAsync()
    {
        try
        {
            var template = await PostgresTemplate.Value;
            await using var connection = new NpgsqlConnection(WithDatabase(ConnectionString, name, pooling: false));
            await connection.OpenAsync();
            await ExecuteAsync(connection, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            if (await SchemaFingerprintAsync(connection) != template.SchemaFingerprint)
            {
                return false;
            }

            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, EmptyDatabaseSql);
            foreach (var (table, rows) in template.SeedRows)
            {
                await using var writer = await connection.BeginTextImportAsync($"COPY {table} FROM STDIN");
                await writer.WriteAsync(rows);
            }

            foreach (var (sequence, lastValue, isCalled) in template.Sequences)
            {
                await ExecuteAsync(connection, $"SELECT setval('{sequence}', {lastValue}, {isCalled})");
            }

            await transaction.CommitAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    // A superuser deletes rows with foreign-key triggers off for the rest of the transaction (milliseconds); anyone
    // else truncates (about 0.2 s).
    private const string EmptyDatabaseSql = """
        DO $$
        DECLARE
            t record;
            tables text;
        BEGIN
            SELECT string_agg(format('%I.%I', table_schema, table_name), ', ') INTO tables
            FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory';
            IF tables IS NULL THEN
                RETURN;
            END IF;
            IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                SET LOCAL session_replication_role = replica;
                FOR t IN SELECT table_name FROM information_schema.tables
                         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory' LOOP
                    EXECUTE format('DELETE FROM %I', t.table_name);
                END LOOP;
            ELSE
                EXECUTE 'TRUNCATE ' || tables || ' CASCADE';
            END IF;
        END $$;
        """;

    /// <summary>The rows the migrations put in (seed data such as the settings row), per table, in COPY text format.</summary>
    private static async Task<List<(string Table, string Rows)>> SeedRowsAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT format('%I.%I', table_schema, table_name) FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'
            ORDER BY table_name
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var seeded = new List<(string, string)>();
        foreach (var table in tables)
        {
            using var export = await connection.BeginTextExportAsync($"COPY {table} TO STDOUT");
            var rows = await export.ReadToEndAsync();
            if (rows.Length > 0)
            {
                seeded.Add((table, rows));
            }
        }

        return seeded;
    }

    /// <summary>Every sequence's position, so identities start where they start in a freshly migrated database.</summary>
    private static async Task<List<(string Sequence, long LastValue, bool IsCalled)>> SequencesAsync(NpgsqlConnection connection)
    {
        var sequences = new List<(string, long, bool)>();
        await using var command = new NpgsqlCommand("""
            SELECT format('%I.%I', schemaname, sequencename), coalesce(last_value, start_value), last_value IS NOT NULL
            FROM pg_sequences WHERE schemaname = current_schema()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sequences.Add((reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2)));
        }

        return sequences;
    }

    /// <summary>A hash of the tables, columns, indexes, constraints and triggers, to tell whether a test changed the schema.</summary>
    private static async Task<string> SchemaFingerprintAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT md5(coalesce(string_agg(item, '|' ORDER BY item), '')) FROM (
                SELECT format('c %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS item
                FROM information_schema.columns WHERE table_schema = current_schema()
                UNION ALL SELECT 'i ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
                UNION ALL SELECT format('k %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
                UNION ALL SELECT format('t %s %s', event_object_table, trigger_name)
                FROM information_schema.triggers WHERE trigger_schema = current_schema()
            ) schema_items
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private sealed record PostgresTemplateInfo(
        string Name,
        string SchemaFingerprint,
        List<(string Table, string Rows)> SeedRows,
        List<(string Sequence, long LastValue, bool IsCalled)> Sequences);

    private static string WithDatabase(string connectionString, string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = pooling }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
