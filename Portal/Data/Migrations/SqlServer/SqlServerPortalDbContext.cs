using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Domain.Notifications;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;

namespace Portal.Data.Migrations.SqlServer;

/// <summary>SQL Server's model: the shared one, less what SQL Server's DDL refuses (SqlServerModelRulesTests checks it).</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // A filtered index may only compare a column with a constant; these compare columns, so here they index every row.
        builder.Entity<SalesOrderLine>().HasIndex(l => l.ProductId, "IX_SalesOrderLines_ProductId_Active").HasFilter(null);
        builder.Entity<PurchaseOrderLine>().HasIndex(l => new { l.ProductId, l.ExpectedDate }, "IX_PurchaseOrderLines_ProductId_Open").HasFilter(null);
        builder.Entity<PurchaseOrderLine>().HasIndex(l => new { l.ExpectedDate, l.PurchaseOrderId, l.LineNumber }, "IX_PurchaseOrderLines_ExpectedDate_Open")
            .HasFilter(null);

        // A bit is no condition by itself in T-SQL.
        builder.Entity<SalesOrderLine>().HasIndex(l => l.SalesOrderId, "IX_SalesOrderLines_WaitingShipComplete_SalesOrderId")
            .HasFilter("[Backordered] > 0 AND [ShipComplete] = 1");

        // An order reaches its notice events through its lines and through its notices; SQL Server refuses two cascade
        // paths to one table, so deleting a line's events is left to EF (orders are never deleted by the portal).
        builder.Entity<NoticeEvent>().HasOne<SalesOrderLine>().WithMany().HasForeignKey(e => e.SalesOrderLineId)
            .OnDelete(DeleteBehavior.ClientCascade);
    }
}

/// <summary>For <c>dotnet ef</c>: the model needs no database, so no configuration is read.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options(DatabaseProvider.SqlServer, "Server=design-time.invalid;Database=portal;TrustServerCertificate=True"));
}
