using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sales;

namespace Portal.Data.Configurations.Sales;

internal sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>
{
    /// <summary>Orders the pick list can release: open or partly shipped (a held order's status is OnHold).</summary>
    public const string PickableFilter = "\"Status\" IN (0, 2)";

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

        // The pick list reads orders that can be released (open or partly shipped, so not held) a page at a time, in
        // allocation priority (expedite first, tier, requested date with none last, which is how PostgreSQL sorts nulls
        // ascending; SQLite and SQL Server sort them first, so there the order is not read from it, placed time, number),
        // by number, or by ship-by date either way (see PickListQuery). Partial, so a walk never steps over the history.
        builder.HasIndex(o => new { o.Expedite, o.PriorityTier, o.RequestedShipDate, o.PlacedAt, o.Id }, "IX_SalesOrders_Pickable_Priority")
            .IsDescending(true, false, false, false, false).HasFilter(PickableFilter);
        builder.HasIndex(o => o.Id, "IX_SalesOrders_Pickable_Id").HasFilter(PickableFilter);
        builder.HasIndex(o => new { o.RequestedShipDate, o.Id }, "IX_SalesOrders_Pickable_RequestedShipDate").HasFilter(PickableFilter);

        // The orders list sorted by requested date, either way.
        builder.HasIndex(o => new { o.RequestedShipDate, o.Id });
    }
}
