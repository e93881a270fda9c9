using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations.Sales;

internal sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>
{
    public void Configure(EntityTypeBuilder<SalesOrder> builder)
    {
        builder.HasVersion();
        builder.Ignore(o => o.Number);
        builder.Property(o => o.SalesRep).HasMaxLength(256);
        builder.Property(o => o.CustomerReference).HasMaxLength(50);
        builder.Property(o => o.ExpediteReason).HasMaxLength(200);
        builder.HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Warehouse.Warehouse>().WithMany().HasForeignKey(o => o.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne(l => l.Order).HasForeignKey(l => l.SalesOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The orders list filters by status, customer and rep, newest first.
        builder.HasIndex(o => new { o.CustomerId, o.PlacedAt });
        builder.HasIndex(o => new { o.Status, o.PlacedAt });
        builder.HasIndex(o => new { o.SalesRep, o.PlacedAt });
        builder.HasIndex(o => o.PlacedAt);

        // The pick list in allocation priority: expedite first, tier, requested date (none last, which is how PostgreSQL
        // sorts nulls ascending; SQLite and SQL Server sort them first, so there the order is not read from it), placed
        // time, number.
        builder.HasIndex(o => new { o.Expedite, o.PriorityTier, o.RequestedShipDate, o.PlacedAt, o.Id }, "IX_SalesOrders_Priority")
            .IsDescending(true, false, false, false, false);

        // The pick list sorted by ship-by date, either way (see PickListQuery.Sort).
        builder.HasIndex(o => new { o.RequestedShipDate, o.Id });
    }
}
