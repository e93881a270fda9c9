using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Admin;
using Portal.Domain.Allocation;
using Portal.Domain.Catalog;
using Portal.Domain.Common;
using Portal.Domain.Notifications;
using Portal.Domain.Purchasing;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;
using Portal.Data.Migrations.Postgres;
using Portal.Data.Migrations.Sqlite;
using Portal.Data.Migrations.SqlServer;
using Portal.Identity;

namespace Portal.Data;

/// <summary>
/// The portal's data. Abstract because each provider has its own migrations, and EF finds a context's migrations
/// by its type: every instance is the provider's subclass (Data/Migrations/&lt;Provider&gt;), made by <see cref="Create"/>.
/// </summary>
public abstract class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The context of the provider the options were made for (by <c>UsePortalDatabase</c>).</summary>
    public static PortalDbContext Create(DbContextOptions<PortalDbContext> options) =>
        (options.FindExtension<PortalProviderExtension>()?.Provider
            ?? throw new InvalidOperationException("Make the options with UsePortalDatabase, which names the provider.")) switch
        {
            DatabaseProvider.Sqlite => new SqlitePortalDbContext(options),
            DatabaseProvider.Postgres => new PostgresPortalDbContext(options),
            DatabaseProvider.SqlServer => new SqlServerPortalDbContext(options),
            var other => throw new InvalidOperationException($"Unknown database provider {other}."),
        };

    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Domain.Warehouse.Warehouse> Warehouses => Set<Domain.Warehouse.Warehouse>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<Shipment> Shipments => Set<Shipment>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<SalesOrder> SalesOrders => Set<SalesOrder>();
    public DbSet<SalesOrderLine> SalesOrderLines => Set<SalesOrderLine>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();
    public DbSet<PurchaseOrderLine> PurchaseOrderLines => Set<PurchaseOrderLine>();
    public DbSet<BacklogSnapshot> BacklogSnapshots => Set<BacklogSnapshot>();
    public DbSet<PendingAllocation> PendingAllocations => Set<PendingAllocation>();
    public DbSet<ProductShortage> ProductShortages => Set<ProductShortage>();
    public DbSet<AllocationRun> AllocationRuns => Set<AllocationRun>();
    public DbSet<CustomerNotice> CustomerNotices => Set<CustomerNotice>();
    public DbSet<NoticeEvent> NoticeEvents => Set<NoticeEvent>();
    public DbSet<CustomerReply> CustomerReplies => Set<CustomerReply>();
    public DbSet<LaterDateQuestion> LaterDateQuestions => Set<LaterDateQuestion>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<PortalSettings> Settings => Set<PortalSettings>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // One column type for money on every provider.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4).HaveColumnType("decimal(18,4)");

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditTrail.BeforeSave(ChangeTracker);
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.BeforeSave(ChangeTracker);
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Every update carries "WHERE Version = <read>" and sets the next version, so the second of two
    // concurrent edits fails with DbUpdateConcurrencyException instead of overwriting the first.
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Entity entity:
                    entity.Version++;
                    break;
                case PendingAllocation pending:
                    pending.Version++;
                    break;
            }
        }
    }
}
