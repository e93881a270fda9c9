using Portal.Data;
using Portal.Domain.Admin;
using Portal.Tests.Infrastructure.Builders;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Whatever the previous test left in a database (PostgreSQL databases are reused), the next test's database
/// looks like a freshly migrated one: seeded rows as the migrations left them, nothing else, identities from 1.
/// </summary>
public abstract class TestDatabaseTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_new_test_database_looks_freshly_migrated_whatever_the_last_test_left()
    {
        await using (var dirty = await TestDatabase.CreateAsync(provider))
        await using (var context = dirty.CreateContext())
        {
            var data = new TestData(context);
            data.AddSalesOrder(data.AddCustomer(), data.AddWarehouse(), lines: [(data.AddProduct(), 3)]);
            context.Settings.Single().ChangeDates(pickDays: 9, receivingDays: 9, etaMoveThresholdDays: 9, leadTimeMoveThresholdDays: 9, quietWindowMinutes: 9);
            context.SaveChanges();
        }

        await using var fresh = await TestDatabase.CreateAsync(provider);
        await using var check = fresh.CreateContext();
        Assert.Empty(check.Customers);
        Assert.Empty(check.SalesOrderLines);
        var settings = Assert.Single(check.Settings);
        var defaults = new PortalSettings();
        Assert.Equal((defaults.PickDays, defaults.ReceivingDays, defaults.QuietWindowMinutes), (settings.PickDays, settings.ReceivingDays, settings.QuietWindowMinutes));
        Assert.Equal(1, new TestData(check).AddCustomer().Id);
    }
}

public sealed class TestDatabaseTestsOnSqlite() : TestDatabaseTests(DatabaseProvider.Sqlite);

public sealed class TestDatabaseTestsOnPostgres() : TestDatabaseTests(DatabaseProvider.Postgres);
