using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test (or one test class), on SQLite or PostgreSQL, dropped on dispose.
/// <code>await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
/// await using var context = db.CreateContext();</code>
/// Migrated databases are copies of a template migrated once per run and provider (a file copy on SQLite,
/// CREATE DATABASE ... TEMPLATE on PostgreSQL), so a fresh database costs milliseconds. On PostgreSQL, creating one
/// skips the test when no server is available, or fails it under PORTAL_TEST_STRICT=1 (see <see cref="PostgresServer"/>).
/// For service tests that build a DI container, register the context with
/// <c>UsePortalDatabase(db.Provider, db.ConnectionString)</c>, as the app does.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static readonly Lazy<string> SqliteFolder = new(() => Directory.CreateTempSubdirectory($"portal-tests-{RunId}-").FullName);
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);
    private static int counter;

    private readonly string? postgresAdminConnectionString;
    private readonly string name;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name, string? postgresAdminConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.name = name;
        this.postgresAdminConnectionString = postgresAdminConnectionString;
        Options = OptionsFor(provider, connectionString);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The options <see cref="CreateContext"/> uses: <c>UsePortalDatabase(Provider, ConnectionString)</c>.</summary>
    public DbContextOptions<PortalDbContext> Options { get; }

    /// <summary>Creates a database: migrated to the latest migration, or empty when <paramref name="migrated"/> is false.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrated = true) =>
        provider switch
        {
            DatabaseProvider.Sqlite => await CreateSqliteAsync(migrated),
            DatabaseProvider.Postgres => await CreatePostgresAsync(migrated),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };

    /// <summary>A new context on this database; the caller disposes it. One per unit of work, as in the app.</summary>
    public PortalDbContext CreateContext() => new(Options);

    /// <summary>
    /// A context for work that never opens a connection (generating SQL scripts, reading the model): it needs no
    /// server, so such tests run on PostgreSQL even where none is available.
    /// </summary>
    public static PortalDbContext CreateOfflineContext(DatabaseProvider provider) =>
        new(OptionsFor(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=offline.invalid;Database=offline"));

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(ConnectionString));
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(name + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await ExecuteAsync(postgresAdminConnectionString!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Removes what the run left: the SQLite folder and, on a shared server, the PostgreSQL template.</summary>
    internal static async Task CleanUpRunAsync()
    {
        if (PostgresTemplate.IsValueCreated && PostgresTemplate.Value.IsCompletedSuccessfully)
        {
            var admin = await PostgresServer.Shared.RequireAsync();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{PostgresTemplate.Value.Result}\" WITH (FORCE)");
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
        builder.EnableSensitiveDataLogging();
        return builder.Options;
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

        return new TestDatabase(DatabaseProvider.Sqlite, SqliteConnectionString(path), path, null);
    }

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        var path = Path.Combine(SqliteFolder.Value, NextName("template") + ".db");
        await using var context = new PortalDbContext(OptionsFor(DatabaseProvider.Sqlite, SqliteConnectionString(path, pooling: false)));
        await context.Database.MigrateAsync();
        return path;
    }

    private static async Task<TestDatabase> CreatePostgresAsync(bool migrated)
    {
        var admin = await PostgresServer.Shared.RequireAsync();
        var name = NextName("test");
        var template = migrated ? await PostgresTemplate.Value : null;
        await ExecuteAsync(admin, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(DatabaseProvider.Postgres, WithDatabase(admin, name, pooling: true), name, admin);
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var admin = await PostgresServer.Shared.RequireAsync();
        var name = NextName("template");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");

        // No pooling: CREATE DATABASE ... TEMPLATE refuses a template that still has sessions.
        await using var context = new PortalDbContext(OptionsFor(DatabaseProvider.Postgres, WithDatabase(admin, name, pooling: false)));
        await context.Database.MigrateAsync();
        return name;
    }

    private static string WithDatabase(string connectionString, string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = pooling }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
