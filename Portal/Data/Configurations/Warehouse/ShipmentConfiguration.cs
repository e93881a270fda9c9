using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Sales;
using Portal.Domain.Warehouse;

namespace Portal.Data.Configurations.Warehouse;

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.HasVersion();
        builder.Property(s => s.ShippedBy).HasMaxLength(256);
        builder.HasIndex(s => s.SalesOrderId);
        builder.HasIndex(s => s.SalesOrderLineId);
        builder.HasOne<SalesOrder>().WithMany().HasForeignKey(s => s.SalesOrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SalesOrderLine>().WithMany().HasForeignKey(s => s.SalesOrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Shipments_Quantity", "\"Quantity\" > 0"));
    }
}
