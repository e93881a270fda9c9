using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Catalog;
using Portal.Domain.Warehouse;

namespace Portal.Data.Configurations.Warehouse;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.HasVersion();
        builder.Ignore(s => s.Available);
        builder.HasIndex(s => new { s.ProductId, s.WarehouseId }).IsUnique();
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Warehouse.Warehouse>().WithMany().HasForeignKey(s => s.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            // The last line of defence against over-allocation, whatever the code above does.
            t.HasCheckConstraint("CK_StockLevels_Allocated", "\"Allocated\" >= 0 AND \"Allocated\" <= \"OnHand\"");
        });
    }
}
