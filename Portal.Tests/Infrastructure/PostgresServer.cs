using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the whole test run shares, found or started on first use:
/// <list type="number">
/// <item><c>PORTAL_TEST_POSTGRES</c>, when set: a connection string to a server where the user may CREATE DATABASE (CI).</item>
/// <item>Otherwise, when PostgreSQL binaries are installed (<c>/usr/lib/postgresql/*/bin</c>): a throwaway server in a
/// scratch folder (memory-backed /dev/shm when there is one) on a free loopback port, without fsync, run as the
/// <c>postgres</c> user when the tests run as root (initdb refuses root). <see cref="TestRunLifetime"/> stops it
/// when the run ends.</item>
/// <item>Otherwise it is unavailable: <see cref="RequireAsync"/> skips the test, or fails it under PORTAL_TEST_STRICT=1.</item>
/// </list>
/// Tests rarely touch this directly: <see cref="TestDatabase"/> creates a database per test on it.
/// </summary>
public sealed class PostgresServer
{
    private const string BinariesRoot = "/usr/lib/postgresql";
    private const string OsUser = "postgres";

    private readonly Lazy<Task<State>> state;
    private ThrowawayServer? throwaway;

    private PostgresServer() => state = new(FindOrStartAsync);

    public static PostgresServer Shared { get; } = new();

    /// <summary>The admin connection string (database "postgres" or the one configured); skips or fails the test when unavailable.</summary>
    public async Task<string> RequireAsync()
    {
        var current = await state.Value;
        return current.ConnectionString ?? throw TestEnvironment.Unavailable("PostgreSQL", current.Reason!);
    }

    /// <summary>True when this run started the server itself (and so deletes it, databases and all, at the end).</summary>
    internal bool IsThrowaway => throwaway is not null;

    internal async Task StopAsync()
    {
        if (throwaway is { } server)
        {
            await server.StopAsync();
            throwaway = null;
        }
    }

    private async Task<State> FindOrStartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(TestEnvironment.PostgresVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                await using var connection = new NpgsqlConnection(configured);
                await connection.OpenAsync();
                return State.Available(configured);
            }
            catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
            {
                return State.Unavailable($"{TestEnvironment.PostgresVariable} is set but connecting failed: {e.Message}");
            }
        }

        var bin = FindBinaries();
        if (bin is null)
        {
            return State.Unavailable(
                $"{TestEnvironment.PostgresVariable} is not set and no PostgreSQL binaries were found under {BinariesRoot}/*/bin (apt-get install postgresql-15)");
        }

        try
        {
            throwaway = await ThrowawayServer.StartAsync(bin);
            return State.Available(throwaway.ConnectionString);
        }
        catch (Exception e)
        {
            return State.Unavailable($"starting a throwaway server from {bin} failed: {e.Message}");
        }
    }

    private static string? FindBinaries()
    {
        if (!Directory.Exists(BinariesRoot))
        {
            return null;
        }

        return Directory.GetDirectories(BinariesRoot)
            .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var major) ? major : 0, Bin: Path.Combine(version, "bin")))
            .Where(v => File.Exists(Path.Combine(v.Bin, "initdb")) && File.Exists(Path.Combine(v.Bin, "pg_ctl")))
            .OrderByDescending(v => v.Version)
            .Select(v => v.Bin)
            .FirstOrDefault();
    }

    private sealed record State(string? ConnectionString, string? Reason)
    {
        public static State Available(string connectionString) => new(connectionString, null);

        public static State Unavailable(string reason) => new(null, reason);
    }

    private sealed class ThrowawayServer
    {
        private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

        private readonly string bin;
        private readonly string root;
        private readonly bool asPostgresUser;
        private bool stopped;

        private ThrowawayServer(string bin, string root, bool asPostgresUser, int port)
        {
            this.bin = bin;
            this.root = root;
            this.asPostgresUser = asPostgresUser;
            Port = port;
        }

        public int Port { get; }

        private string DataFolder => Path.Combine(root, "data");

        private string LogFile => Path.Combine(root, "server.log");

        public string ConnectionString => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = OsUser,
            Database = "postgres",
            IncludeErrorDetail = true,
        }.ConnectionString;

        public static async Task<ThrowawayServer> StartAsync(string bin)
        {
            var asPostgresUser = Environment.IsPrivilegedProcess;
            var root = TestEnvironment.CreateScratchFolder("portal-tests-pg-");
            try
            {
                if (asPostgresUser)
                {
                    EnsureSucceeded(await ProcessRunner.RunAsync("chown", [$"{OsUser}:", root], CommandTimeout), "chown");
                }

                var initdb = new ThrowawayServer(bin, root, asPostgresUser, 0);
                EnsureSucceeded(await initdb.RunAsync("initdb",
                    ["-D", initdb.DataFolder, "-U", OsUser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"]), "initdb");

                // The free port is only free until someone takes it: try a few.
                for (var attempt = 1; ; attempt++)
                {
                    var server = new ThrowawayServer(bin, root, asPostgresUser, FreeLoopbackPort());
                    var started = await server.RunAsync("pg_ctl",
                    [
                        "-D", server.DataFolder, "-l", server.LogFile, "-w", "-t", "30",
                        "-o", $"-c port={server.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} " +
                              "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                        "start",
                    ]);
                    if (started.Succeeded)
                    {
                        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
                        return server;
                    }

                    if (attempt == 3)
                    {
                        var log = File.Exists(server.LogFile) ? await File.ReadAllTextAsync(server.LogFile) : "";
                        throw new InvalidOperationException($"pg_ctl start failed: {started.Output}\n{log}");
                    }
                }
            }
            catch
            {
                TryDelete(root);
                throw;
            }
        }

        public async Task StopAsync()
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            await RunAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "stop"]);
            TryDelete(root);
        }

        private Task<ProcessRunner.Result> RunAsync(string tool, IEnumerable<string> arguments)
        {
            var executable = Path.Combine(bin, tool);
            return asPostgresUser
                ? ProcessRunner.RunAsync("runuser", ["-u", OsUser, "--", executable, .. arguments], CommandTimeout)
                : ProcessRunner.RunAsync(executable, arguments, CommandTimeout);
        }

        private static void EnsureSucceeded(ProcessRunner.Result result, string what)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{what} exited with {result.ExitCode}: {result.Output.Trim()}");
            }
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static void TryDelete(string folder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
