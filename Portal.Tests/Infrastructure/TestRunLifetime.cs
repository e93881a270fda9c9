using Portal.Tests.Data.SqlServer;
using Portal.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(TestRunLifetime))]

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Assembly fixture: when the whole run ends, writes the queries checked on SQL Server, removes the test databases'
/// leftovers and stops the throwaway PostgreSQL server, if the run started one.
/// </summary>
public sealed class TestRunLifetime : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            SqlServerTranslation.WriteReport(Path.Combine(AppContext.BaseDirectory, "sqlserver-queries.sql"));
            await TestDatabase.CleanUpRunAsync();
        }
        finally
        {
            await PostgresServer.Shared.StopAsync();
        }
    }
}
