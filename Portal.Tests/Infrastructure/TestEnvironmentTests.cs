using Npgsql;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Canaries for the machine the tests run on: under PORTAL_TEST_STRICT=1 (CI) these fail when PostgreSQL or
/// Chromium is missing, so a broken install shows up as one clear failure instead of a column of skips.
/// </summary>
public sealed class TestEnvironmentTests
{
    [Fact]
    public async Task PostgreSQL_server_accepts_connections_and_may_create_databases()
    {
        var admin = await PostgresServer.Shared.RequireAsync();

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        Assert.Equal(true, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Chromium_for_browser_tests_runs()
    {
        var chromium = TestEnvironment.RequireChromium();

        var version = await ProcessRunner.RunAsync(chromium, ["--headless", "--no-sandbox", "--version"], TimeSpan.FromSeconds(30));
        Assert.True(version.Succeeded, $"{chromium} --version exited with {version.ExitCode}: {version.Output}");
        Assert.Contains("Chromium", version.Output, StringComparison.OrdinalIgnoreCase);
    }
}
