using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data.Migrations.Sqlite;

public sealed class SqlitePortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare, sort or sum EF's default text for decimals and DateTimeOffsets. Money becomes a REAL
        // value (exact to 15 digits, far beyond any order) and timestamps UTC text that sorts in time order.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<SqliteUtcTextConverter>();
    }
}

/// <summary>For <c>dotnet ef</c>: the model needs no database, so no configuration is read.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
