using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Portal.Benchmarks.Database;

/// <summary>
/// The PostgreSQL server the benchmark uses: the one named by --postgres / PORTAL_BENCH_POSTGRES, or a throwaway
/// server started from /usr/lib/postgresql/*/bin in the work folder on a free loopback port, as the `postgres` user
/// when running as root (initdb refuses root), the way Portal.Tests starts one. Unlike the tests' server it keeps
/// PostgreSQL's durability defaults (fsync, synchronous_commit, full_page_writes on) and gets a production-like
/// memory budget, so the figures mean something; it is stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Settings =
        "-c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min " +
        "-c effective_cache_size=8GB -c random_page_cost=1.1";

    private const string OsUser = "postgres";
    private readonly string? bin;
    private readonly string? root;
    private readonly bool asPostgresUser;

    private PostgresServer(string adminConnectionString, string description, string? bin = null, string? root = null, bool asPostgresUser = false)
    {
        AdminConnectionString = adminConnectionString;
        Description = description;
        this.bin = bin;
        this.root = root;
        this.asPostgresUser = asPostgresUser;
    }

    public string AdminConnectionString { get; }
    public string Description { get; }

    public static async Task<PostgresServer> StartAsync(string? configured, string workFolder)
    {
        if (configured is not null)
        {
            await using var connection = new NpgsqlConnection(configured);
            await connection.OpenAsync();
            return new PostgresServer(configured, $"configured server (PostgreSQL {connection.PostgreSqlVersion})");
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b).FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql/*/bin; install postgresql-15 or pass --postgres CONN.");

        Directory.CreateDirectory(workFolder);
        var root = Directory.CreateDirectory(Path.Combine(workFolder, "pg-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser) await Check(await RunAsync("chown", [$"{OsUser}:", root]), "chown");
        // The parent folders must be traversable by the postgres user.
        if (asPostgresUser) await RunAsync("chmod", ["o+x", workFolder]);

        var port = FreePort();
        var server = new PostgresServer(new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = OsUser, Database = "postgres", IncludeErrorDetail = true,
                CommandTimeout = 0, MaxPoolSize = 20,
            }.ConnectionString,
            $"throwaway PostgreSQL from {bin} on port {port} ({Settings}; durability defaults)", bin, root, asPostgresUser);
        var data = Path.Combine(root, "data");
        await Check(await server.Tool("initdb", ["-D", data, "-U", OsUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-instructions"]), "initdb");
        await Check(await server.Tool("pg_ctl",
        [
            "-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
            "-o", $"-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} {Settings}", "start",
        ]), "pg_ctl start");
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (bin is null || root is null) return;
        NpgsqlConnection.ClearAllPools();
        await Tool("pg_ctl", ["-D", Path.Combine(root, "data"), "-m", "fast", "-w", "stop"]);
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public string ConnectionStringFor(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = pooling, CommandTimeout = 0 }.ConnectionString;

    public async Task ExecuteAsync(string sql, string? database = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database ?? "postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private Task<(int ExitCode, string Output)> Tool(string tool, IEnumerable<string> arguments)
    {
        var executable = Path.Combine(bin!, tool);
        return asPostgresUser ? RunAsync("runuser", ["-u", OsUser, "--", executable, .. arguments]) : RunAsync(executable, arguments);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static Task Check((int ExitCode, string Output) result, string what) =>
        result.ExitCode == 0 ? Task.CompletedTask : throw new InvalidOperationException($"{what} exited with {result.ExitCode}: {result.Output.Trim()}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
