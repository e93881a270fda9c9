using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Benchmarks.Data;
using Portal.Data;
using Portal.Features.Allocation;

namespace Portal.Benchmarks.Database;

/// <summary>
/// Where the benchmark's databases live. A generated data set is loaded once into a template (migrated with
/// MigrateAsync, then bulk-loaded, then analysed); every measurement runs on a fresh copy of it, so each repetition
/// starts from the same rows (SQLite: a file copy; PostgreSQL: CREATE DATABASE ... TEMPLATE ... STRATEGY FILE_COPY).
/// </summary>
public sealed class DatabaseHost : IAsyncDisposable
{
    private readonly PostgresServer? postgres;
    private readonly string folder;
    private readonly List<string> created = [];
    private int counter;

    private DatabaseHost(DatabaseProvider provider, string folder, PostgresServer? postgres)
    {
        Provider = provider;
        this.folder = folder;
        this.postgres = postgres;
    }

    public DatabaseProvider Provider { get; }

    public CommandCounter Counter { get; } = new();

    public string Description => postgres?.Description ?? $"SQLite {SqliteVersion()} files in {folder} (WAL, as the app sets it)";

    public static async Task<DatabaseHost> CreateAsync(DatabaseProvider provider, Options options)
    {
        var folder = Path.Combine(options.WorkFolder, $"run-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var postgres = provider == DatabaseProvider.Postgres ? await PostgresServer.StartAsync(options.PostgresConnectionString, options.WorkFolder) : null;
        return new DatabaseHost(provider, folder, postgres);
    }

    /// <summary>Migrates a new database and bulk-loads the data set into it; returns the template's name.</summary>
    public async Task<string> CreateTemplateAsync(DataSet data)
    {
        var name = $"portal_bench_{Environment.ProcessId}_{++counter}_template";
        var stopwatch = Stopwatch.StartNew();
        if (Provider == DatabaseProvider.Postgres) await postgres!.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        created.Add(name);
        var cs = ConnectionString(name, pooling: false);
        await using (var db = PortalDbContext.Create(Options(cs, interceptors: false)))
        {
            await db.Database.MigrateAsync();
        }

        var migrated = stopwatch.Elapsed;
        if (Provider == DatabaseProvider.Postgres) await BulkLoader.LoadPostgresAsync(cs, data);
        else await BulkLoader.LoadSqliteAsync(cs, data);
        Console.WriteLine($"   template: migrated in {migrated.TotalSeconds:0.0} s, {data.Lines.Length + data.Orders.Length + data.PoLines.Length:N0} rows bulk-loaded " +
                          $"and analysed in {(stopwatch.Elapsed - migrated).TotalSeconds:0.0} s ({(Provider == DatabaseProvider.Postgres ? "binary COPY" : "prepared INSERTs, one transaction")})" +
                          $"; size {await SizeMbAsync(name):N0} MB");
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return name;
    }

    /// <summary>A new database with the schema and no data.</summary>
    public async Task<string> CreateEmptyAsync()
    {
        var name = $"portal_bench_{Environment.ProcessId}_{++counter}_empty";
        if (Provider == DatabaseProvider.Postgres) await postgres!.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        created.Add(name);
        await using var db = PortalDbContext.Create(Options(ConnectionString(name, pooling: false), interceptors: false));
        await db.Database.MigrateAsync();
        return name;
    }

    public async Task<string> CloneAsync(string template)
    {
        var name = $"portal_bench_{Environment.ProcessId}_{++counter}";
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await postgres!.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        }
        else
        {
            File.Copy(Path.Combine(folder, template + ".db"), Path.Combine(folder, name + ".db"));
        }

        created.Add(name);
        return name;
    }

    public async Task DropAsync(string name)
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (Provider == DatabaseProvider.Postgres)
        {
            await postgres!.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        else
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" }) File.Delete(Path.Combine(folder, name + ".db" + suffix));
        }

        created.Remove(name);
    }

    /// <summary>VACUUM ANALYZE on PostgreSQL, ANALYZE on SQLite.</summary>
    public async Task MaintainAsync(string name)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await postgres!.ExecuteAsync("VACUUM ANALYZE", name);
            return;
        }

        await using var connection = new SqliteConnection(ConnectionString(name));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "ANALYZE";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The app's connection string shape: SQLite with the app's busy timeout, PostgreSQL pooled.</summary>
    public string ConnectionString(string name, bool pooling = true) =>
        Provider == DatabaseProvider.Postgres
            ? postgres!.ConnectionStringFor(name, pooling)
            : new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, name + ".db"), DefaultTimeout = 30, Pooling = pooling }.ToString();

    /// <summary>Contexts as the app makes them (UsePortalDatabase), with the command counter attached.</summary>
    public IDbContextFactory<PortalDbContext> ContextFactory(string name) =>
        new Factory(Options(ConnectionString(name), interceptors: true));

    private DbContextOptions<PortalDbContext> Options(string connectionString, bool interceptors)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        builder.UsePortalDatabase(Provider, connectionString);
        if (interceptors) builder.AddInterceptors(Counter);
        return builder.Options;
    }

    public AllocationService Service(string name, TimeProvider clock, INoticeQueue notices) =>
        new(ContextFactory(name), notices, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<AllocationService>.Instance);

    public async ValueTask DisposeAsync()
    {
        foreach (var name in created.ToList())
        {
            try { await DropAsync(name); } catch (Exception e) { Console.WriteLine($"   (could not drop {name}: {e.Message})"); }
        }

        if (postgres is not null) await postgres.DisposeAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private async Task<double> SizeMbAsync(string name)
    {
        if (Provider == DatabaseProvider.Sqlite) return new FileInfo(Path.Combine(folder, name + ".db")).Length / 1024.0 / 1024.0;
        await using var connection = new NpgsqlConnection(postgres!.ConnectionStringFor(name, pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())! / 1024.0 / 1024.0;
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    private sealed class Factory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => PortalDbContext.Create(options);
    }
}
