using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Base class for tests that run the same way on every provider. Write the tests once in an abstract class that
/// takes the provider, and add one line per provider beside it:
/// <code>public abstract class StockTests(DatabaseProvider provider) : DatabaseTest(provider) { [Fact] ... }
/// public sealed class StockTestsOnSqlite() : StockTests(DatabaseProvider.Sqlite);
/// public sealed class StockTestsOnPostgres() : StockTests(DatabaseProvider.Postgres);
/// public sealed class StockTestsOnSqlServer() : StockTests(DatabaseProvider.SqlServer);</code>
/// Each test gets a freshly migrated database of its own (<see cref="Db"/>), so tests never see each other's rows
/// and may run in parallel. The PostgreSQL variant skips when no server is available (fails under PORTAL_TEST_STRICT=1);
/// the SQL Server variant runs only when PORTAL_TEST_SQLSERVER names a server, and says it skipped otherwise.
/// </summary>
public abstract class DatabaseTest(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? db;

    protected DatabaseProvider Provider { get; } = provider;

    /// <summary>This test's database.</summary>
    protected TestDatabase Db => db ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    /// <summary>False for tests that want an empty database and migrate it themselves.</summary>
    protected virtual bool Migrated => true;

    /// <summary>A new context on this test's database; dispose it (one per unit of work, like the app).</summary>
    protected PortalDbContext NewContext() => Db.CreateContext();

    public virtual async ValueTask InitializeAsync() => db = await TestDatabase.CreateAsync(Provider, Migrated);

    public virtual async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
