using Xunit.Sdk;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// What the machine running the tests offers, read from the environment:
/// <list type="bullet">
/// <item><c>PORTAL_TEST_STRICT=1</c> (CI): a test whose PostgreSQL server or Chromium is missing FAILS.
/// Without it the test SKIPS with the reason, so a developer without them still gets a green run.</item>
/// <item><c>PORTAL_TEST_POSTGRES</c>: connection string of a PostgreSQL server where the user may CREATE DATABASE;
/// without it the run starts its own throwaway server when PostgreSQL binaries are installed (see <see cref="PostgresServer"/>).</item>
/// <item><c>PORTAL_TEST_CHROMIUM</c>: path of the Chromium executable for browser tests (see <see cref="RequireChromium"/>).</item>
/// <item><c>PORTAL_TEST_SQLSERVER</c>: connection string of a SQL Server where the user may CREATE DATABASE; the
/// provider-parameterized suites run on it too (see <see cref="RequireSqlServer"/>).</item>
/// </list>
/// </summary>
public static class TestEnvironment
{
    public const string StrictVariable = "PORTAL_TEST_STRICT";
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";
    public const string ChromiumVariable = "PORTAL_TEST_CHROMIUM";
    public const string SqlServerVariable = "PORTAL_TEST_SQLSERVER";

    private static readonly string[] WellKnownChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static bool Strict => Environment.GetEnvironmentVariable(StrictVariable) == "1";

    /// <summary>
    /// Where test databases live: memory-backed /dev/shm when the machine has it (a throwaway PostgreSQL cluster
    /// initialises and clones databases several times faster there than on disk), else the temp folder.
    /// </summary>
    public static string ScratchRoot { get; } = Directory.Exists("/dev/shm") && IsWritable("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    /// <summary>Creates a new, uniquely named folder under <see cref="ScratchRoot"/>; the caller deletes it.</summary>
    public static string CreateScratchFolder(string prefix)
    {
        var path = Path.Combine(ScratchRoot, prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// The exception that stops a test because something it needs is missing: a skip with the reason, or a failure in
    /// strict mode. Use it as <c>throw TestEnvironment.Unavailable("PostgreSQL", reason);</c>.
    /// </summary>
    public static Exception Unavailable(string what, string reason) =>
        Strict
            ? FailException.ForFailure($"{what} is required ({StrictVariable}=1) but unavailable: {reason}")
            : SkipException.ForSkip($"{what} unavailable: {reason}. Set {StrictVariable}=1 to make this a failure.");

    /// <summary>
    /// The Chromium executable for a browser test: <c>PORTAL_TEST_CHROMIUM</c> when set (it must exist), otherwise a
    /// well-known install path. When there is none the test skips, or fails in strict mode. Use it first thing:
    /// <code>var chromium = TestEnvironment.RequireChromium();
    /// await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium });</code>
    /// </summary>
    public static string RequireChromium()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(configured))
            {
                throw Unavailable("Chromium", $"{ChromiumVariable}={configured} does not exist");
            }

            return configured;
        }

        return WellKnownChromiumPaths.FirstOrDefault(File.Exists)
            ?? throw Unavailable("Chromium", $"{ChromiumVariable} is not set and none of {string.Join(", ", WellKnownChromiumPaths)} exists (apt-get install chromium)");
    }

    /// <summary>
    /// The SQL Server connection string from <c>PORTAL_TEST_SQLSERVER</c>, or a skip. No SQL Server can be installed
    /// on the machines CI runs on, so this is the one skip strict mode allows; the offline checks (Data/SqlServer*Tests)
    /// run everywhere.
    /// </summary>
    public static string RequireSqlServer()
    {
        var configured = Environment.GetEnvironmentVariable(SqlServerVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? throw SkipException.ForSkip(
                $"SQL Server not configured: set {SqlServerVariable} to a connection string of a server where the user may CREATE DATABASE to run this suite on SQL Server.")
            : configured;
    }

    private static bool IsWritable(string folder)
    {
        try
        {
            Directory.Delete(Directory.CreateDirectory(Path.Combine(folder, $"portal-tests-probe-{Guid.NewGuid():N}")).FullName);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
